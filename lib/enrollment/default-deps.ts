import "server-only";
import { auditJournal } from "@/lib/audit/journal";
import { db } from "@/lib/db";
import type { EnrollmentDeps, ServerGeneration } from "@/lib/enrollment/deps";
import { env } from "@/lib/env";
import { createBootstrapToken } from "@/lib/k8s/create-bootstrap-token";
import { loadClusterTarget } from "@/lib/k8s/kube-config";
import { serverDeps } from "@/lib/servers/default-deps";
import { gitInventory } from "@/lib/servers/list-servers";
import { singleton } from "@/lib/singleton";
import { createAuthKey } from "@/lib/tailscale/create-auth-key";
import { deleteAuthKey } from "@/lib/tailscale/delete-auth-key";

async function currentGeneration(server: string): Promise<ServerGeneration> {
  // Fetched fresh: a Workflow committed (or replaced) outside the console counts at once.
  const { inventory } = await gitInventory(serverDeps(), { refresh: true });
  if (!inventory.servers.has(server)) return { kind: "unknown" };
  const latest = inventory.workflows.get(server)?.at(-1);
  return latest ? { kind: "provisioned", generation: latest.generation } : { kind: "registered" };
}

function bootstrapTokens(): EnrollmentDeps["bootstrapTokens"] {
  try {
    const target = loadClusterTarget(env().cluster);
    return target && createBootstrapToken(target.config);
  } catch (error) {
    console.error(`enrollment: cannot read the cluster configuration (${error instanceof Error ? error.message : "unknown error"})`);
    return undefined;
  }
}

/** The running console's first-boot dependencies, from its settings. */
export function defaultEnrollmentDeps(): EnrollmentDeps {
  return singleton("enrollment-deps", () => {
    const settings = env().enrollment;
    const tailscale = settings.tailscale;
    return {
      db: db(),
      audit: auditJournal(),
      settings,
      currentGeneration,
      tailscale: tailscale && {
        create: (input) => createAuthKey(tailscale, input),
        remove: (keyId) => deleteAuthKey(tailscale, keyId),
      },
      bootstrapTokens: bootstrapTokens(),
      now: () => new Date(),
    };
  });
}
