import "server-only";
import type { EnrollmentDeps } from "@/lib/enrollment/deps";
import { gitGenerationReader } from "@/lib/enrollment/git-generation";
import { env } from "@/lib/settings/env";
import { serverClusterView } from "@/lib/k8s/read/server-cluster-view";
import { singleton } from "@/lib/singleton";
import { createAuthKey } from "@/lib/tailscale/create-auth-key";
import { deleteAuthKey } from "@/lib/tailscale/delete-auth-key";
import { serverParts } from "./servers";
import { lazyClusterPart, sharedParts } from "./shared";

export function enrollmentParts(): EnrollmentDeps {
  return singleton("runtime:enrollment", () => {
    const settings = env().enrollment;
    const tailscale = settings.tailscale;
    const { db, audit, now } = sharedParts();
    return {
      db,
      audit,
      enrollment: settings,
      currentGeneration: gitGenerationReader(serverParts()),
      clusterWorkflow: (server) => serverClusterView(server, sharedParts().cluster).workflow,
      tailscale: tailscale && {
        create: (input) => createAuthKey(tailscale, input),
        remove: (keyId) => deleteAuthKey(tailscale, keyId),
      },
      bootstrapTokens: bootstrapTokens(),
      now,
    };
  });
}

/** With a cluster configured, the client library is loaded on the first enrollment, not before. */
function bootstrapTokens(): EnrollmentDeps["bootstrapTokens"] {
  const create = lazyClusterPart(
    "enrollment",
    async (config) =>
      (await import("@/lib/k8s/create-bootstrap-token")).createBootstrapToken(config),
    "The cluster configuration could not be read: no join token can be made.",
  );
  return create && (async (input) => (await create())(input));
}
