import type { Actor } from "@/lib/actor";
import type { Context } from "@/lib/context";

declare module "@/lib/context" {
  interface Context {
    /** The console's address as servers reach it (FOUNDRY_PUBLIC_URL): installed servers call it at first boot. */
    consoleUrl: string;
    /** Ends a decommissioned or reprovisioned server's enrollment tokens (lib/bootmedia). */
    revokeServerTokens?: (
      name: string,
      reason: "decommissioned" | "reprovisioned",
    ) => Promise<void>;
    /** The highest generation first-boot tokens were claimed for under a name (lib/enrollment). */
    lastClaimedGeneration?: (name: string) => Promise<number>;
    /**
     * Each install's claim secret in the cluster (lib/enrollment/first-boot-claim): armed just
     * before a provision or reprovision commits, disarmed after a decommission. Undefined when no
     * cluster is configured.
     */
    firstBootClaims?: {
      arm(name: string, actor: Actor): Promise<void>;
      disarm(name: string): Promise<void>;
    };
  }
}

/** What the server verbs need from outside; the console's own in `lib/runtime/servers.ts`. */
export type ServerDeps = Pick<
  Context,
  | "writer"
  | "reader"
  | "manifestsPath"
  | "consoleUrl"
  | "revokeServerTokens"
  | "lastClaimedGeneration"
  | "firstBootClaims"
>;
