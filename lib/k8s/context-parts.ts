import type { ClusterWatch } from "./cluster-watch";

declare module "@/lib/context" {
  interface Context {
    /** The in-memory view of the cluster the console watches. */
    cluster: ClusterWatch;
  }
}
