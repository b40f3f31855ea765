import "server-only";
import { auditJournal } from "@/lib/audit/journal";
import type { AuditLog } from "@/lib/audit/types";
import { createDownloadTickets } from "@/lib/bootmedia/download-tickets";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { revokeServerTokens } from "@/lib/bootmedia/revoke-server-tokens";
import { createTemplateCache } from "@/lib/bootmedia/image/template-cache";
import { db, type DatabaseClient } from "@/lib/db";
import type { EnrollmentDeps } from "@/lib/enrollment/deps";
import {
  armFirstBootClaim,
  disarmFirstBootClaim,
  type FirstBootClaimDeps,
} from "@/lib/enrollment/first-boot-claim";
import { gitGenerationReader } from "@/lib/enrollment/git-generation";
import { lastClaimedGeneration } from "@/lib/enrollment/last-claimed-generation";
import { env } from "@/lib/env";
import { UnavailableError } from "@/lib/errors";
import { eventBus } from "@/lib/events/bus";
import { publishingAudit } from "@/lib/events/publishing-audit";
import { publishingWriter } from "@/lib/events/publishing-writer";
import type { FluxWebhookDeps } from "@/lib/events/receive-flux-webhook";
import type { GitHubWebhookDeps } from "@/lib/events/receive-github-webhook";
import { gitReader } from "@/lib/gitops/reader";
import { gitWriter } from "@/lib/gitops/writer";
import { cluster } from "@/lib/k8s/cluster";
import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { loadClusterTarget, type ClusterTarget } from "@/lib/k8s/kube-config";
import { serverClusterView } from "@/lib/k8s/read/server-cluster-view";
import type { ServerDeps } from "@/lib/servers/deps";
import { singleton } from "@/lib/singleton";
import { createAuthKey } from "@/lib/tailscale/create-auth-key";
import { deleteAuthKey } from "@/lib/tailscale/delete-auth-key";

/*
 * The one place the running console's dependencies are built, each once, from its settings, and
 * where the domains are tied to each other (a decommission revokes boot media tokens, a claim
 * reads the servers' Git generation). Verbs take what they need as their second argument; tests
 * build their own. Nothing in a domain reaches for another domain's parts.
 */

/** The parts every domain shares: database, audit journal, the cluster view, the clock. */
export type SharedParts = {
  db: DatabaseClient;
  audit: AuditLog;
  cluster: ClusterWatch;
  now(): Date;
};

export function sharedParts(): SharedParts {
  return singleton("runtime:shared", () => ({
    db: db(),
    audit: publishingAudit(auditJournal(), eventBus()),
    cluster: cluster(),
    now: () => new Date(),
  }));
}

export function serverParts(): ServerDeps {
  return singleton("runtime:servers", () => {
    const settings = env();
    return {
      writer: publishingWriter(gitWriter(), eventBus()),
      reader: gitReader(),
      manifestsPath: settings.git.manifestsPath,
      consoleUrl: settings.bootMedia.publicUrl,
      revokeServerTokens: async (name, reason) => {
        await revokeServerTokens(name, reason, bootMediaParts());
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
    return { db, secrets: await secrets(), now };
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

export function bootMediaParts(): BootMediaDeps {
  return singleton("runtime:boot-media", () => {
    const settings = env().bootMedia;
    const { db, audit, now } = sharedParts();
    return {
      db,
      audit,
      settings,
      templates: createTemplateCache(settings),
      tree: () => gitWriter().readTree(),
      tickets: createDownloadTickets(),
      now,
    };
  });
}

export function enrollmentParts(): EnrollmentDeps {
  return singleton("runtime:enrollment", () => {
    const settings = env().enrollment;
    const tailscale = settings.tailscale;
    const { db, audit, now } = sharedParts();
    return {
      db,
      audit,
      settings,
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

/*
 * A part that talks to the cluster: none without a cluster configured; otherwise the configuration
 * is read and the client library loaded once, in the background, and a use before or without them
 * is refused as unavailable with `unavailable` (the reason is logged once, never shown).
 */
function lazyClusterPart<T>(
  name: string,
  make: (config: ClusterTarget["config"]) => Promise<T>,
  unavailable: string,
): (() => Promise<T>) | undefined {
  const settings = env().cluster;
  if (settings.source === "none") return undefined;
  const part = loadClusterTarget(settings)
    .then((target) => (target ? make(target.config) : undefined))
    .catch((error: unknown) => {
      console.error(`${name}: cannot read the cluster configuration (${messageOf(error)})`);
      return undefined;
    });
  return async () => {
    const ready = await part;
    if (ready === undefined) throw new UnavailableError(unavailable);
    return ready;
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}

export function fluxWebhookParts(): FluxWebhookDeps {
  return { secret: env().webhooks.fluxSecret, client: sharedParts().db, bus: eventBus() };
}

export function githubWebhookParts(): GitHubWebhookDeps {
  return {
    secret: env().webhooks.githubSecret,
    client: sharedParts().db,
    bus: eventBus(),
    branch: env().git.branch,
    refreshClone: () => gitWriter().readTree({ refresh: true }),
  };
}
