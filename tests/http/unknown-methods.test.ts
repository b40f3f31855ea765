import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { refuseUnknownMethods } from "@/lib/http/unknown-methods";

// A real Node HTTP server on loopback, as Next's standalone server is one.
let server: Server;
let port = 0;
let handled: string[] = [];
beforeAll(async () => {
  refuseUnknownMethods();
  server = createServer((request, response) => {
    handled.push(request.method ?? "");
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (method: string) =>
  new Promise<{ status: number; allow: string | undefined }>((resolve, reject) => {
    httpRequest({ host: "127.0.0.1", port, method, path: "/" }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, allow: response.headers.allow });
    })
      .on("error", reject)
      .end();
  });

it("answers TRACE and other methods the console does not serve with 405 and Allow, before any handler", async () => {
  handled = [];
  for (const method of ["TRACE", "PROPFIND", "PURGE"]) {
    const answer = await send(method);
    expect(answer.status, method).toBe(405);
    expect(answer.allow).toContain("POST");
  }
  expect(handled).toEqual([]);
  expect((await send("GET")).status).toBe(200);
  expect(handled).toEqual(["GET"]);
});
