import { renderLayer } from "./flux-build";
import { tool } from "./tools";

/**
 * The console's foundry-platform ConfigMap as kustomize-controller applies it: `apps` built with
 * kustomize and substituted from the platform settings and its own inline values.
 */
export function consoleSettings(settings: Record<string, string>): Record<string, unknown> {
  const { objects, problems } = renderLayer(tool("kustomize"), "apps", settings);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  const configMap = objects.find(
    (o) => o.kind === "ConfigMap" && o.metadata.name === "foundry-platform",
  );
  if (!configMap) throw new Error("apps renders no ConfigMap foundry-platform");
  return (configMap.data ?? {}) as Record<string, unknown>;
}
