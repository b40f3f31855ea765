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
  // Custom objects come as JSON (`continue`); core kinds as client-node's typed models (`_continue`).
  metadata: z
    .object({
      resourceVersion: z.string().optional(),
      continue: z.string().optional(),
      _continue: z.string().optional(),
    })
    .optional(),
  items: z.array(z.unknown()).default([]),
});
const failedWatch = z.object({ statusCode: z.number(), message: z.string().optional() });

/** Server-side watch timeout; the reflector reopens from the last version when it ends. */
const watchTimeoutSeconds = 300;
/**
 * A fleet is listed in pages, so no one answer holds thousands of objects; the pages are one
 * consistent snapshot. An expired continue token answers 410, and the reflector lists again.
 */
const listPageSize = 500;

/** One kind read through `@kubernetes/client-node`: its typed list call and its Watch. */
export function kubeSource(config: KubeConfig, info: KindInfo): KindSource {
  const core = config.makeApiClient(CoreV1Api);
  const custom = config.makeApiClient(CustomObjectsApi);
  const watcher = new Watch(config);
  const path = clusterPath(info);

  const page = (continueToken: string | undefined): Promise<unknown> => {
    const paging = { limit: listPageSize, ...(continueToken ? { _continue: continueToken } : {}) };
    return info.group === ""
      ? core.listNode(paging)
      : custom.listClusterCustomObject({
          group: info.group,
          version: info.version,
          plural: info.plural,
          ...paging,
        });
  };

  const list = async () => {
    try {
      const items: unknown[] = [];
      let resourceVersion = "";
      let continueToken: string | undefined;
      do {
        const parsed = listSchema.parse(await page(continueToken));
        items.push(...parsed.items);
        resourceVersion = parsed.metadata?.resourceVersion ?? resourceVersion;
        continueToken = parsed.metadata?.continue || parsed.metadata?._continue || undefined;
      } while (continueToken !== undefined);
      return { items, resourceVersion };
    } catch (error) {
      if (error instanceof ApiException)
        throw new KubeStatusError(error.code, statusText(error.code));
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
    ? new KubeStatusError(
        failed.data.statusCode,
        failed.data.message ?? statusText(failed.data.statusCode),
      )
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
