import type { EventBus } from "./bus";

declare module "@/lib/context" {
  interface Context {
    bus: EventBus;
    fluxWebhookSecret: string | undefined;
    githubWebhookSecret: string | undefined;
  }
}
