import type { ReactNode } from "react";

/** The signed-out shell: one centred card, no navigation. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 p-6 dark:bg-zinc-900">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-950">
        <p className="mb-6 text-base font-bold tracking-tight">Metal Foundry</p>
        {children}
      </div>
    </main>
  );
}
