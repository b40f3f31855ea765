import { receiveGitHubWebhook } from "@/lib/events/receive-github-webhook";
import { githubWebhookDeps } from "@/lib/events/webhook-deps";
import { errorResponse } from "@/lib/http/error-response";

// Public (lib/auth/public-routes.ts): X-Hub-Signature-256 over the raw body is the check.
export async function POST(request: Request): Promise<Response> {
  try {
    return await receiveGitHubWebhook(request, githubWebhookDeps());
  } catch (error) {
    return errorResponse(error);
  }
}
