import type { ReactNode } from "react";
import { LocalModeBanner } from "@/components/auth/local-mode-banner";
import { ClusterBanner } from "@/components/cluster/cluster-banner";
import { LiveUpdates } from "@/components/live/live-updates";
import { Header } from "@/components/shell/header";
import { Sidebar } from "@/components/shell/sidebar";
import { currentActor } from "@/lib/auth/current-actor";
import { env } from "@/lib/env";
import { liveViews } from "@/lib/live-views";

// Every console page reads a session, Git and the cluster per request: never prerender one at build.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  const cluster = await liveViews.connection();
  return (
    <div className="flex min-h-screen">
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        {env().auth.mode === "local" ? <LocalModeBanner /> : null}
        <Header actor={actor} cluster={cluster} />
        <ClusterBanner initial={cluster} />
        <LiveUpdates />
        <main className="flex-1 p-6">{children}</main>
      </div>
    </div>
  );
}
