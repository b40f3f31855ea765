import "server-only";
import { env } from "@/lib/settings/env";
import { eventBus } from "@/lib/events/process-bus";
import type { FluxWebhookDeps } from "@/lib/events/receive-flux-webhook";
import type { GitHubWebhookDeps } from "@/lib/events/receive-github-webhook";
import { gitWriter } from "@/lib/gitops/writer";
import { sharedParts } from "./shared";

export function fluxWebhookParts(): FluxWebhookDeps {
  return { fluxWebhookSecret: env().webhooks.fluxSecret, db: sharedParts().db, bus: eventBus() };
}

export function githubWebhookParts(): GitHubWebhookDeps {
  return {
    githubWebhookSecret: env().webhooks.githubSecret,
    db: sharedParts().db,
    bus: eventBus(),
    branch: env().git.branch,
    refreshClone: () => gitWriter().readTree({ refresh: true }),
  };
}
