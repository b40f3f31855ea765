import "server-only";
import { auditJournal } from "@/lib/audit/journal";
import { db } from "@/lib/db";
import type { EnrollmentDeps } from "@/lib/enrollment/deps";
import { gitGenerationReader } from "@/lib/enrollment/git-generation";
import { env } from "@/lib/env";
import { UnavailableError } from "@/lib/errors";
import { loadClusterTarget } from "@/lib/k8s/kube-config";
import { serverClusterView } from "@/lib/k8s/read/server-cluster-view";
import { serverDeps } from "@/lib/servers/default-deps";
import { singleton } from "@/lib/singleton";
import { createAuthKey } from "@/lib/tailscale/create-auth-key";
import { deleteAuthKey } from "@/lib/tailscale/delete-auth-key";

/** With a cluster configured, the client library is loaded on the first enrollment, not before. */
function bootstrapTokens(): EnrollmentDeps["bootstrapTokens"] {
  const settings = env().cluster;
  if (settings.source === "none") return undefined;
  const create = loadClusterTarget(settings)
    .then(async (target) => {
      if (!target) return undefined;
      const { createBootstrapToken } = await import("@/lib/k8s/create-bootstrap-token");
      return createBootstrapToken(target.config);
    })
    .catch((error: unknown) => {
      console.error(`enrollment: cannot read the cluster configuration (${error instanceof Error ? error.message : "unknown error"})`);
      return undefined;
    });
  return async (input) => {
    const ready = await create;
    if (!ready) throw new UnavailableError("The cluster configuration could not be read: no join token can be made.");
    return ready(input);
  };
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
      currentGeneration: gitGenerationReader(serverDeps()),
      clusterWorkflow: (server) => serverClusterView(server).workflow,
      tailscale: tailscale && {
        create: (input) => createAuthKey(tailscale, input),
        remove: (keyId) => deleteAuthKey(tailscale, keyId),
      },
      bootstrapTokens: bootstrapTokens(),
      now: () => new Date(),
    };
  });
}
