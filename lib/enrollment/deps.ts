import type { Context } from "@/lib/context";
import type { ClaimSecretStore } from "@/lib/k8s/claim-secret-store";
import type { ClaimableWorkflow } from "@/lib/enrollment/claim-window";
import type { EnrollmentSettings } from "@/lib/settings/enrollment";
import type { ServerGeneration } from "@/lib/enrollment/server-generation";
import type { CreateBootstrapToken } from "@/lib/k8s/create-bootstrap-token";
import type { TailscaleKeys } from "@/lib/tailscale/tailscale-keys";

declare module "@/lib/context" {
  interface Context {
    enrollment: EnrollmentSettings;
    /** The server's current Workflow generation in the clone; `refresh` may fetch first (throttled). */
    currentGeneration(server: string, options: { refresh: boolean }): Promise<ServerGeneration>;
    /** The server's newest Workflow as the in-memory cluster view holds it; never an API call. */
    clusterWorkflow(server: string): ClaimableWorkflow | null;
    /** Undefined when Tailscale is not configured. */
    tailscale: TailscaleKeys | undefined;
    /** Undefined when no cluster is configured. */
    bootstrapTokens: CreateBootstrapToken | undefined;
    claimSecrets: ClaimSecretStore;
  }
}

/** What the first-boot verbs work with; the console's own in `lib/runtime/enrollment.ts`. */
export type EnrollmentDeps = Pick<
  Context,
  | "db"
  | "audit"
  | "enrollment"
  | "currentGeneration"
  | "clusterWorkflow"
  | "tailscale"
  | "bootstrapTokens"
  | "now"
>;
