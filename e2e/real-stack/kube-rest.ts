import { readFileSync } from "node:fs";
import { Agent, request } from "node:https";
import path from "node:path";

/**
 * The few REST calls the real stack's stand-ins make to the loopback kube-apiserver, with the
 * stack's own admin certificate. Stand-ins only: the console talks to the API through lib/k8s.
 */
export type KubeRest = {
  get<T>(apiPath: string): Promise<T | undefined>;
  patch(apiPath: string, body: unknown, type?: "merge" | "json"): Promise<void>;
  /** Server-side apply; the path carries `fieldManager` (and `force`). */
  apply(apiPath: string, object: unknown): Promise<void>;
  create(apiPath: string, object: unknown): Promise<void>;
  /** One object, or a collection when the path names one (with `?labelSelector=`). */
  delete(apiPath: string): Promise<void>;
};

export function kubeRest(stackDir: string, server: string): KubeRest {
  const pki = path.join(stackDir, "pki");
  const agent = new Agent({
    keepAlive: true,
    maxSockets: 16,
    ca: readFileSync(path.join(pki, "ca.crt")),
    cert: readFileSync(path.join(pki, "admin.crt")),
    key: readFileSync(path.join(pki, "admin.key")),
  });
  const call = (method: string, apiPath: string, body?: string, contentType?: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(new URL(apiPath, server), {
        method,
        agent,
        headers: {
          Accept: "application/json",
          ...(body !== undefined
            ? { "Content-Type": contentType, "Content-Length": Buffer.byteLength(body) }
            : {}),
        },
      });
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      req.end(body);
    });
  return {
    async get<T>(apiPath: string) {
      const answer = await call("GET", apiPath);
      if (answer.status === 404) return undefined;
      if (answer.status !== 200) throw new Error(`GET ${apiPath}: ${answer.status} ${answer.text}`);
      return JSON.parse(answer.text) as T;
    },
    async patch(apiPath, body, type = "merge") {
      const contentType =
        type === "merge" ? "application/merge-patch+json" : "application/json-patch+json";
      const answer = await call("PATCH", apiPath, JSON.stringify(body), contentType);
      if (answer.status >= 300)
        throw new Error(`PATCH ${apiPath}: ${answer.status} ${answer.text}`);
    },
    async create(apiPath, object) {
      const answer = await call("POST", apiPath, JSON.stringify(object), "application/json");
      if (answer.status >= 300) throw new Error(`POST ${apiPath}: ${answer.status} ${answer.text}`);
    },
    async delete(apiPath) {
      const answer = await call("DELETE", apiPath);
      if (answer.status >= 300 && answer.status !== 404)
        throw new Error(`DELETE ${apiPath}: ${answer.status} ${answer.text}`);
    },
    async apply(apiPath, object) {
      const answer = await call(
        "PATCH",
        apiPath,
        JSON.stringify(object),
        "application/apply-patch+yaml",
      );
      if (answer.status >= 300)
        throw new Error(`apply ${apiPath}: ${answer.status} ${answer.text}`);
    },
  };
}

export type KubeList<T> = { items: T[] };
export type KubeMeta = {
  name: string;
  namespace?: string;
  generation?: number;
  annotations?: Record<string, string>;
};
