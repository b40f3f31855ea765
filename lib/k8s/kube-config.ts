import "server-only";
import type { KubeConfig } from "@kubernetes/client-node";
import type { ClusterSettings } from "@/lib/settings/cluster";

export type ClusterTarget = {
  config: KubeConfig;
  /** What the header calls it: the context, or "sandbox cluster" for the local stand-in. */
  label: string;
  sandbox: boolean;
  server: string;
};

/** The sandbox writes its kubeconfig with this context; the UI then says "sandbox cluster". */
export const sandboxContextName = "foundry-sandbox";

/**
 * The in-cluster service account, else the file `KUBECONFIG` names; none when neither is set.
 * The client library (~60 MB resident) is loaded only here, when there is a cluster to reach.
 */
export async function loadClusterTarget(
  settings: ClusterSettings,
): Promise<ClusterTarget | undefined> {
  if (settings.source === "none") return undefined;
  const { KubeConfig } = await import("@kubernetes/client-node");
  const config = new KubeConfig();
  if (settings.source === "in-cluster") config.loadFromCluster();
  else if (settings.kubeconfig) config.loadFromFile(settings.kubeconfig);
  const context = config.getCurrentContext();
  const sandbox = context === sandboxContextName;
  return {
    config,
    label: sandbox
      ? "sandbox cluster"
      : settings.source === "in-cluster"
        ? "this cluster"
        : context,
    sandbox,
    server: config.getCurrentCluster()?.server ?? "",
  };
}
