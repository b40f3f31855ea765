import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { limitRequests, maxBodyBytes, requestTimeoutMs } from "@/lib/http/request-limits";

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
