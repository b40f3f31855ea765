import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Server } from "node:net";
import { z } from "zod";
import { signatureProblem } from "./oci-signature";

/**
 * A loopback stand-in for the OCI REST endpoints the Cloud page calls, one server for every
 * service (their paths do not overlap). Every request must carry a valid OCI request signature
 * from the registered key, or it gets Oracle's 401 NotAuthenticated.
 */
export type OciTenancy = {
  compartmentId: string;
  namespace: string;
  instances: Record<string, unknown>[];
  bootVolumes: Record<string, unknown>[];
  volumes: Record<string, unknown>[];
  /** Each bucket in full; listing answers a summary, GetBucket the sizes only when asked. */
  buckets: {
    name: string;
    timeCreated: string;
    approximateSize: number;
    approximateCount: number;
  }[];
  loadBalancers: Record<string, unknown>[];
  /** What the Usage API reports for the month. */
  costs: { computedAmount: number; currency: string }[];
};

export type OciRequestRecord = { method: string; path: string; status: number; refused?: string };

export type OciApiDouble = {
  readonly url: string;
  readonly requests: OciRequestRecord[];
  tenancy: OciTenancy;
  /** Answer every request whose path starts with `prefix` with this status. */
  failPath(prefix: string, status: number): void;
  close(): Promise<void>;
};

const pageSize = 2;

const usageDetails = z.object({
  tenantId: z.string().min(1),
  timeUsageStarted: z.string().min(1),
  timeUsageEnded: z.string().min(1),
  granularity: z.literal("MONTHLY"),
});

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("the double is not listening on TCP");
  return address.port;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, {
    "content-type": "application/json",
    "opc-request-id": `double-${Date.now()}`,
    ...headers,
  });
  response.end(JSON.stringify(body));
}

function error(response: ServerResponse, status: number, code: string, message: string) {
  send(response, status, { code, message });
}

/** Oracle's list paging: `page` is an opaque token, here the offset; `opc-next-page` when more. */
function sendPage(response: ServerResponse, url: URL, items: unknown[]) {
  const offset = Number(url.searchParams.get("page") ?? "0");
  const next = offset + pageSize;
  send(
    response,
    200,
    items.slice(offset, next),
    next < items.length ? { "opc-next-page": String(next) } : {},
  );
}

export async function startOciApiDouble(options: {
  keyId: string;
  publicKeyPem: string;
  tenancy: OciTenancy;
}): Promise<OciApiDouble> {
  const requests: OciRequestRecord[] = [];
  const failures = new Map<string, number>();
  const double = {
    url: "",
    requests,
    tenancy: options.tenancy,
    failPath(prefix: string, status: number) {
      failures.set(prefix, status);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  function route(request: IncomingMessage, response: ServerResponse, url: URL, body: string) {
    const tenancy = double.tenancy;
    const path = url.pathname;
    for (const [prefix, status] of failures) {
      if (path.startsWith(prefix))
        return error(response, status, "InternalError", "Injected failure");
    }
    const compartment = url.searchParams.get("compartmentId");
    const listed = (items: unknown[]) =>
      compartment === tenancy.compartmentId
        ? sendPage(response, url, items)
        : error(
            response,
            404,
            "NotAuthorizedOrNotFound",
            "Authorization failed or requested resource not found.",
          );
    if (request.method === "GET") {
      if (path === "/20160918/instances") return listed(tenancy.instances);
      if (path === "/20160918/bootVolumes") return listed(tenancy.bootVolumes);
      if (path === "/20160918/volumes") return listed(tenancy.volumes);
      if (path === "/20170115/loadBalancers") return listed(tenancy.loadBalancers);
      if (path === "/n" || path === "/n/") return send(response, 200, tenancy.namespace);
      if (path === `/n/${tenancy.namespace}/b` || path === `/n/${tenancy.namespace}/b/`) {
        return listed(
          tenancy.buckets.map(({ name, timeCreated }) => ({
            name,
            timeCreated,
            namespace: tenancy.namespace,
            compartmentId: tenancy.compartmentId,
            createdBy: "ocid1.user.oc1..double",
            etag: name,
          })),
        );
      }
      const bucketMatch = new RegExp(`^/n/${tenancy.namespace}/b/([^/]+)$`).exec(path);
      const bucket = tenancy.buckets.find(
        (each) => each.name === decodeURIComponent(bucketMatch?.[1] ?? ""),
      );
      if (bucket) {
        const fields = url.searchParams.getAll("fields").flatMap((value) => value.split(","));
        return send(response, 200, {
          name: bucket.name,
          namespace: tenancy.namespace,
          compartmentId: tenancy.compartmentId,
          timeCreated: bucket.timeCreated,
          storageTier: "Standard",
          ...(fields.includes("approximateSize")
            ? { approximateSize: bucket.approximateSize }
            : {}),
          ...(fields.includes("approximateCount")
            ? { approximateCount: bucket.approximateCount }
            : {}),
        });
      }
    }
    if (request.method === "POST" && path === "/20200107/usage") {
      const details = usageDetails.safeParse(JSON.parse(body || "{}"));
      if (!details.success) {
        return error(response, 400, "InvalidParameter", "tenantId and granularity are required");
      }
      return send(response, 200, { groupBy: [], items: tenancy.costs });
    }
    return error(response, 404, "NotFound", `The double does not serve ${request.method} ${path}`);
  }

  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const url = new URL(request.url ?? "/", double.url);
      const refused = signatureProblem(request, body, {
        keyId: options.keyId,
        publicKey: options.publicKeyPem,
      });
      response.on("finish", () =>
        requests.push({
          method: request.method ?? "GET",
          path: url.pathname,
          status: response.statusCode,
          refused,
        }),
      );
      if (refused) {
        return error(
          response,
          401,
          "NotAuthenticated",
          "The required information to complete authentication was not provided or was incorrect.",
        );
      }
      route(request, response, url, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  double.url = `http://127.0.0.1:${portOf(server)}`;
  return double;
}
