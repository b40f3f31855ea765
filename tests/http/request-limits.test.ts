import { type ClientRequest, createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  clientBodiesInFlightBytes,
  limitRequests,
  maxBodyBytes,
  requestTimeoutMs,
} from "@/lib/http/request-limits";

// A real Node HTTP server on loopback, as Next's standalone server is one.
let server: Server;
let port = 0;
let handled = 0;
beforeAll(async () => {
  limitRequests();
  server = createServer((request, response) => {
    handled += 1;
    request.resume();
    request.on("end", () => response.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(condition()).toBe(true);
}

// A body that is on its way in and never finishes, as a slow or hostile sender holds one.
function hold(declared: number): ClientRequest {
  const request = httpRequest({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: "/servers",
    headers: { "content-length": String(declared) },
  });
  request.on("error", () => undefined);
  request.write(Buffer.alloc(1024));
  return request;
}

// Sends the headers and `bytes` of the body, then waits for an answer without finishing.
const post = (declared: number, bytes: number) =>
  new Promise<{ status: number }>((resolve, reject) => {
    const request = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/webhooks/github",
        headers: { "content-length": String(declared) },
      },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0 });
        request.destroy();
      },
    );
    request.on("error", reject);
    request.write(Buffer.alloc(bytes));
    if (bytes === declared) request.end();
  });

it("answers a declared 50 MB body with 413 at once, without reading it or handing it on", async () => {
  handled = 0;
  const answer = await post(50 * 1024 * 1024, 0);
  expect(answer.status).toBe(413);
  expect(handled).toBe(0);
  expect(server.requestTimeout).toBe(requestTimeoutMs);
});

it("lets a body of the largest size the console reads through", async () => {
  expect((await post(maxBodyBytes, maxBodyBytes)).status).toBe(200);
  expect(handled).toBe(1);
});

it("answers a body streamed without a declared length with 411 before Next reads it", async () => {
  handled = 0;
  const answer = await new Promise<number>((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port, method: "POST", path: "/api/health" },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      },
    );
    request.on("error", reject);
    // No Content-Length: Node sends it chunked, as a 9 MB stream that never ends would be.
    request.write(Buffer.alloc(64 * 1024));
  });
  expect(answer).toBe(411);
  expect(handled).toBe(0);
});

it("holds one client's bodies in flight to its share, and frees the share when one closes", async () => {
  const perBody = maxBodyBytes;
  const held = Array.from({ length: clientBodiesInFlightBytes / perBody }, () => hold(perBody));
  handled = 0;
  await until(() => handled === held.length);
  const refused = await post(perBody, 0);
  expect(refused.status).toBe(503);
  expect(handled).toBe(held.length);

  held[0]?.destroy();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect((await post(perBody, perBody)).status).toBe(200);
  for (const request of held) request.destroy();
});
