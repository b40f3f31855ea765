import type { ReactNode } from "react";

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      {children ? (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
      ) : null}
    </div>
  );
}
