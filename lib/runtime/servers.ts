import "server-only";
import { revokeServerTokens } from "@/lib/bootmedia/revoke-server-tokens";
import {
  armFirstBootClaim,
  disarmFirstBootClaim,
  type FirstBootClaimDeps,
} from "@/lib/enrollment/first-boot-claim";
import { lastClaimedGeneration } from "@/lib/enrollment/last-claimed-generation";
import { env } from "@/lib/settings/env";
import { eventBus } from "@/lib/events/process-bus";
import { publishingWriter } from "@/lib/events/publishing-writer";
import { gitReader } from "@/lib/gitops/reader";
import { gitWriter } from "@/lib/gitops/writer";
import type { ServerDeps } from "@/lib/servers/deps";
import { singleton } from "@/lib/singleton";
import { lazyClusterPart, messageOf, sharedParts } from "./shared";

export function serverParts(): ServerDeps {
  return singleton("runtime:servers", () => {
    const settings = env();
    return {
      writer: publishingWriter(gitWriter(), eventBus()),
      reader: gitReader(),
      manifestsPath: settings.git.manifestsPath,
      consoleUrl: settings.bootMedia.publicUrl,
      revokeServerTokens: async (name, reason) => {
        await revokeServerTokens(name, reason, sharedParts());
      },
      lastClaimedGeneration: (name) => lastClaimedGeneration(sharedParts().db, name),
      firstBootClaims: firstBootClaims(),
    };
  });
}

/** With a cluster configured, each install's claim secret goes to it (lib/k8s/claim-secrets). */
function firstBootClaims(): ServerDeps["firstBootClaims"] {
  const secrets = lazyClusterPart(
    "first-boot claims",
    async (config) => (await import("@/lib/k8s/claim-secrets")).claimSecrets(config),
    "The cluster configuration could not be read: the install's claim secret, kept in the cluster and never in Git, cannot be written. Nothing was committed.",
  );
  if (!secrets) return undefined;
  const deps = async (): Promise<FirstBootClaimDeps> => {
    const { db, now } = sharedParts();
    return { db, claimSecrets: await secrets(), now };
  };
  return {
    arm: async (name, actor) => armFirstBootClaim(name, actor, await deps()),
    // After a committed decommission: a Secret the cluster keeps for now is harmless (its row is
    // revoked), so the decommission is not reported as failed for it.
    disarm: async (name) => {
      try {
        await disarmFirstBootClaim(name, await deps());
      } catch (error) {
        console.error(
          `decommission ${name}: the claim secret stays in the cluster (${messageOf(error)})`,
        );
      }
    },
  };
}
