import "server-only";
import { env } from "@/lib/settings/env";
import { startClusterWatch, type ClusterWatch } from "@/lib/k8s/cluster-watch";
import { loadClusterTarget } from "@/lib/k8s/kube-config";
import { singleton } from "@/lib/singleton";

/**
 * The process's one view of the cluster, started from the settings on first use (startup calls
 * this and awaits `attached`, so watches run before the first page). Pages read it; nothing here
 * lists on demand.
 */
export function cluster(): ClusterWatch {
  return singleton("cluster-watch", () => {
    const { cluster: settings } = env();
    if (!settings.watch) return startClusterWatch(undefined);
    const target = loadClusterTarget(settings).catch((error: unknown) => {
      console.error(
        `cluster: cannot read the cluster configuration (${error instanceof Error ? error.message : "unknown error"}); the console runs without cluster state`,
      );
      return undefined;
    });
    return startClusterWatch(target);
  });
}
