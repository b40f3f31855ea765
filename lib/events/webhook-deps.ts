import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { gitWriter } from "@/lib/gitops/writer";
import { eventBus } from "./bus";
import type { FluxWebhookDeps } from "./receive-flux-webhook";
import type { GitHubWebhookDeps } from "./receive-github-webhook";

/** The running console's parts for the webhook verbs; tests pass their own. */
export function fluxWebhookDeps(): FluxWebhookDeps {
  return { secret: env().webhooks.fluxSecret, client: db(), bus: eventBus() };
}

export function githubWebhookDeps(): GitHubWebhookDeps {
  return {
    secret: env().webhooks.githubSecret,
    client: db(),
    bus: eventBus(),
    branch: env().git.branch,
    refreshClone: () => gitWriter().readTree({ refresh: true }),
  };
}
