"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/sign-in" })}
      className="rounded px-1.5 py-0.5 text-xs text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400"
    >
      Sign out
    </button>
  );
}
