import type { AuditLog } from "@/lib/audit/types";
import type { DatabaseClient } from "@/lib/db/client";
import type { ClaimableWorkflow } from "@/lib/enrollment/claim-window";
import type { EnrollmentSettings } from "@/lib/enrollment/enrollment-settings";
import type { CreateBootstrapToken } from "@/lib/k8s/create-bootstrap-token";
import type { TailscaleAuthKey } from "@/lib/tailscale/create-auth-key";

/** What Git says about a server: unknown, registered only, or provisioned at a generation. */
export type ServerGeneration =
  { kind: "unknown" } | { kind: "registered" } | { kind: "provisioned"; generation: number };

export type TailscaleKeys = {
  create(input: { description: string }): Promise<TailscaleAuthKey>;
  remove(keyId: string): Promise<void>;
};

/** What the first-boot verbs work with; the console's own in `lib/runtime/enrollment.ts`. */
export type EnrollmentDeps = {
  db: DatabaseClient;
  audit: AuditLog;
  settings: EnrollmentSettings;
  /** The server's current Workflow generation in the clone; `refresh` may fetch first (throttled). */
  currentGeneration(server: string, options: { refresh: boolean }): Promise<ServerGeneration>;
  /** The server's newest Workflow as the in-memory cluster view holds it; never an API call. */
  clusterWorkflow(server: string): ClaimableWorkflow | null;
  /** Undefined when Tailscale is not configured. */
  tailscale: TailscaleKeys | undefined;
  /** Undefined when no cluster is configured. */
  bootstrapTokens: CreateBootstrapToken | undefined;
  now(): Date;
};
