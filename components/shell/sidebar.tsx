"use client";

import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { navItems } from "./nav-items";

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The console's navigation: a column beside the page from 768 px up; below that a bar with a
 * menu button that opens the same list, closed again by a choice or any other navigation.
 */
export function Sidebar() {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [pathname]);
  return (
    <div className="shrink-0 border-b border-zinc-200 bg-zinc-50 md:w-52 md:border-b-0 md:border-r dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between p-3">
        <Link href="/" className="px-2 py-1 text-base font-bold tracking-tight">
          Metal Foundry
        </Link>
        <button
          type="button"
          className="rounded-md border border-zinc-300 px-2 py-1 text-sm md:hidden dark:border-zinc-700"
          aria-expanded={open}
          aria-controls="console-nav"
          onClick={() => setOpen((value) => !value)}
        >
          {open ? "Close menu" : "Menu"}
        </button>
      </div>
      <nav
        id="console-nav"
        aria-label="Console"
        className={clsx("px-3 pb-3 md:block", open ? "block" : "hidden")}
      >
        <ul className="flex flex-col gap-0.5">
          {navItems.map((item) => {
            const active = isActive(pathname, item.href);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className={clsx(
                    "block rounded-md px-2 py-1.5 text-sm",
                    active
                      ? "bg-zinc-200 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50"
                      : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800/60",
                  )}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
