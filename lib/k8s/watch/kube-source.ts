import "server-only";
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  Watch,
  type KubeConfig,
} from "@kubernetes/client-node";
import { z } from "zod";
import { clusterPath, type KindInfo } from "@/lib/k8s/kinds";
import { KubeStatusError, type KindSource, type WatchEvent } from "./kind-source";

const listSchema = z.object({
  metadata: z.object({ resourceVersion: z.string().optional() }).optional(),
  items: z.array(z.unknown()).default([]),
});
const failedWatch = z.object({ statusCode: z.number(), message: z.string().optional() });

/** Server-side watch timeout; the reflector reopens from the last version when it ends. */
const watchTimeoutSeconds = 300;

/** One kind read through `@kubernetes/client-node`: its typed list call and its Watch. */
export function kubeSource(config: KubeConfig, info: KindInfo): KindSource {
  const core = config.makeApiClient(CoreV1Api);
  const custom = config.makeApiClient(CustomObjectsApi);
  const watcher = new Watch(config);
  const path = clusterPath(info);

  const list = async () => {
    try {
      const raw: unknown =
        info.group === ""
          ? await core.listNode()
          : await custom.listClusterCustomObject({
              group: info.group,
              version: info.version,
              plural: info.plural,
            });
      const parsed = listSchema.parse(raw);
      return { items: parsed.items, resourceVersion: parsed.metadata?.resourceVersion ?? "" };
    } catch (error) {
      if (error instanceof ApiException) throw new KubeStatusError(error.code, statusText(error.code));
      throw error;
    }
  };

  const watch = (resourceVersion: string, onEvent: (event: WatchEvent) => void) => {
    let controller: AbortController | undefined;
    let aborted = false;
    let finished = false;
    let opened = false;
    const ended = new Promise<unknown>((resolve) => {
      watcher
        .watch(
          path,
          { resourceVersion, allowWatchBookmarks: true, timeoutSeconds: watchTimeoutSeconds },
          (type: string, object: unknown) => onEvent({ type, object }),
          (error: unknown) => {
            finished = true;
            resolve(error ?? undefined);
          },
        )
        .then(
          (started) => {
            // The library resolves once the response arrived; if it already ended, it failed.
            opened = !finished;
            controller = started;
            if (aborted) started.abort();
          },
          (error: unknown) => resolve(error),
        );
    }).then((error) => (aborted || error === undefined ? undefined : asStatusError(error)));
    return {
      ended,
      opened: () => opened,
      abort() {
        aborted = true;
        controller?.abort();
      },
    };
  };

  return { list, watch };
}

function asStatusError(error: unknown): unknown {
  const failed = failedWatch.safeParse(error);
  return failed.success
    ? new KubeStatusError(failed.data.statusCode, failed.data.message ?? statusText(failed.data.statusCode))
    : error;
}

function statusText(code: number): string {
  const known: Record<number, string> = {
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    410: "Gone",
  };
  return known[code] ?? "error";
}
