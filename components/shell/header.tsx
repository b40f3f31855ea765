import { SignOutButton } from "@/components/auth/sign-out-button";
import type { Actor } from "@/lib/actor";
import type { ClusterConnection } from "@/lib/k8s/connection";
import { ConnectionStatus } from "./connection-status";

export function Header({ actor, cluster }: { actor: Actor; cluster: ClusterConnection }) {
  return (
    <header className="flex min-h-14 flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2 md:px-6 dark:border-zinc-800">
      <ConnectionStatus cluster={cluster} />
      <div className="flex items-center gap-2 text-sm" data-testid="signed-in-actor">
        <span className="font-medium">{actor.name}</span>
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
          {actor.role}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
