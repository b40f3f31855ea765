import { publicRoute } from "@/lib/auth/public-route";
import { receiveGitHubWebhook } from "@/lib/events/receive-github-webhook";
import { githubWebhookParts } from "@/lib/runtime/webhooks";

// Public (lib/auth/public-routes.ts): X-Hub-Signature-256 over the raw body is the check.
export const POST = publicRoute((request) => receiveGitHubWebhook(request, githubWebhookParts()));
