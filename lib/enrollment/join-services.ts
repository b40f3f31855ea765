import type { EnrollmentDeps } from "@/lib/enrollment/deps";
import type { K3sJoinSettings } from "@/lib/settings/enrollment";
import { UnavailableError } from "@/lib/errors";
import type { CreateBootstrapToken } from "@/lib/k8s/create-bootstrap-token";
import type { TailscaleKeys } from "@/lib/tailscale/tailscale-keys";

export type JoinServices = {
  tailscale: TailscaleKeys;
  bootstrapTokens: CreateBootstrapToken;
  k3s: K3sJoinSettings;
};

/** Everything the exchange mints with, or an UnavailableError naming what is not configured. */
export function joinServices(
  deps: Pick<EnrollmentDeps, "tailscale" | "bootstrapTokens" | "enrollment">,
): JoinServices {
  const { tailscale, bootstrapTokens } = deps;
  const { k3s } = deps.enrollment;
  const missing = [
    ...(tailscale
      ? []
      : [
          "Tailscale (TAILSCALE_OAUTH_CLIENT_ID and TAILSCALE_OAUTH_CLIENT_SECRET, or TAILSCALE_API_KEY)",
        ]),
    ...(bootstrapTokens ? [] : ["a cluster (KUBECONFIG, or the console running in the cluster)"]),
    ...(k3s ? [] : ["the K3s join address (FOUNDRY_K3S_URL)"]),
  ];
  if (tailscale && bootstrapTokens && k3s) return { tailscale, bootstrapTokens, k3s };
  throw new UnavailableError(
    `The console cannot hand out first-boot credentials yet: it needs ${missing.join(", ")}. The enrollment token was not used; the server can retry.`,
  );
}
