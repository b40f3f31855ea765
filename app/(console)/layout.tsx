import type { ReactNode } from "react";
import { LocalModeBanner } from "@/components/auth/local-mode-banner";
import { ClusterBanner } from "@/components/cluster/cluster-banner";
import { LiveUpdates } from "@/components/live/live-updates";
import { Header } from "@/components/shell/header";
import { Sidebar } from "@/components/shell/sidebar";
import { currentActor } from "@/lib/auth/current-actor";
import { env } from "@/lib/settings/env";
import { liveViews } from "@/lib/live-views";

// Every console page reads a session, Git and the cluster per request: never prerender one at build.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  const cluster = await liveViews.connection();
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        {env().auth.mode === "local" ? <LocalModeBanner /> : null}
        <Header actor={actor} cluster={cluster} />
        <ClusterBanner initial={cluster} />
        <LiveUpdates />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 outline-none md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
