import type { ReactNode } from "react";

/**
 * A box that scrolls when what it holds is wider or longer than the screen: a table on a phone,
 * a long file. It takes a Tab stop and a name, so a keyboard can scroll what a mouse wheel would
 * and a screen reader says what the box holds.
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      tabIndex={0}
      aria-label={label}
      className={`overflow-auto focus:outline-2 focus:outline-sky-600 ${className ?? ""}`}
    >
      {children}
    </div>
  );
}
