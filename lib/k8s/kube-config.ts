import "server-only";
import { KubeConfig } from "@kubernetes/client-node";
import type { ClusterSettings } from "@/lib/k8s/cluster-settings";

export type ClusterTarget = {
  config: KubeConfig;
  /** What the header calls it: the context, or "sandbox cluster" for the local stand-in. */
  label: string;
  sandbox: boolean;
  server: string;
};

/** The sandbox writes its kubeconfig with this context; the UI then says "sandbox cluster". */
export const sandboxContextName = "foundry-sandbox";

/** The in-cluster service account, else the file `KUBECONFIG` names; none when neither is set. */
export function loadClusterTarget(settings: ClusterSettings): ClusterTarget | undefined {
  if (settings.source === "none") return undefined;
  const config = new KubeConfig();
  if (settings.source === "in-cluster") config.loadFromCluster();
  else if (settings.kubeconfig) config.loadFromFile(settings.kubeconfig);
  const context = config.getCurrentContext();
  const sandbox = context === sandboxContextName;
  return {
    config,
    label: sandbox ? "sandbox cluster" : settings.source === "in-cluster" ? "this cluster" : context,
    sandbox,
    server: config.getCurrentCluster()?.server ?? "",
  };
}
