import { z } from "zod";
import { optionalText } from "@/lib/settings/optional-text";

/**
 * The cluster settings, merged into `env-schema.ts`. Pure: `KUBECONFIG` only names a file;
 * reading it happens when the watches start.
 */

export const clusterSettingsShape = {
  KUBECONFIG: optionalText,
  KUBERNETES_SERVICE_HOST: optionalText,
  FOUNDRY_CLUSTER_WATCH: z.enum(["on", "off"], { error: "must be 'on' or 'off'" }).default("on"),
};

export type ClusterSettings = {
  /** How the console reaches the API server; "none" when nothing is configured. */
  source: "in-cluster" | "kubeconfig" | "none";
  kubeconfig: string | undefined;
  watch: boolean;
};

export function clusterSettingsFrom(raw: {
  KUBECONFIG?: string | undefined;
  KUBERNETES_SERVICE_HOST?: string | undefined;
  FOUNDRY_CLUSTER_WATCH: "on" | "off";
}): ClusterSettings {
  const source = raw.KUBERNETES_SERVICE_HOST
    ? "in-cluster"
    : raw.KUBECONFIG
      ? "kubeconfig"
      : "none";
  return { source, kubeconfig: raw.KUBECONFIG, watch: raw.FOUNDRY_CLUSTER_WATCH === "on" };
}
