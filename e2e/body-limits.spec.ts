import { connect, type Socket } from "node:net";
import { expect, test } from "@playwright/test";

/*
 * The built console, started as the container starts it, against bodies that would fill its
 * memory: Next.js buffers a body before any route runs, so every limit here answers before that.
 */
const megabyte = 1024 * 1024;

type Sender = { socket: Socket; status: Promise<number> };

/** Sends a request's head (and `body` bytes of its body) and never finishes it. */
function send(base: string | undefined, framing: string, body = 0): Sender {
  const port = Number(new URL(base ?? "").port);
  const socket = connect(port, "127.0.0.1");
  socket.on("error", () => undefined);
  socket.write(`POST /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${framing}\r\n\r\n`);
  if (body > 0) socket.write(Buffer.alloc(body, 0x61));
  const status = new Promise<number>((resolve) => {
    socket.once("data", (data) => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(`${data}`)?.[1] ?? 0)));
    socket.once("close", () => resolve(0));
  });
  return { socket, status };
}

async function settled(sender: Sender, ms: number): Promise<number | "no answer"> {
  const answer = await Promise.race([
    sender.status,
    new Promise<"no answer">((resolve) => setTimeout(() => resolve("no answer"), ms)),
  ]);
  return answer;
}

test("20 declared 9 MB bodies are each refused with 413 before a byte of them is sent", async ({
  baseURL,
}) => {
  const senders = Array.from({ length: 20 }, () => send(baseURL, "Content-Length: 9000000"));
  const answers = await Promise.all(senders.map((sender) => settled(sender, 5_000)));
  for (const sender of senders) sender.socket.destroy();
  expect(answers).toEqual(Array.from({ length: 20 }, () => 413));
});

test("a body streamed without a length is refused with 411 while it is still streaming", async ({
  baseURL,
}) => {
  const sender = send(baseURL, "Transfer-Encoding: chunked");
  sender.socket.write(`10000\r\n${"a".repeat(0x10000)}\r\n`);
  expect(await settled(sender, 5_000)).toBe(411);
  sender.socket.destroy();
});

test("one client's bodies in flight are held to its share; a freed share takes the next", async ({
  request,
  baseURL,
}) => {
  const largest = 3 * megabyte;
  const held = [
    send(baseURL, `Content-Length: ${largest}`, 1024),
    send(baseURL, `Content-Length: ${largest}`, 1024),
  ];
  expect(await settled(held[0] as Sender, 500)).toBe("no answer");
  expect(await settled(held[1] as Sender, 500)).toBe("no answer");

  const refused = send(baseURL, `Content-Length: ${largest}`);
  expect(await settled(refused, 5_000)).toBe(503);
  refused.socket.destroy();

  held[0]?.socket.destroy();
  await expect
    .poll(async () => (await request.post("/api/health", { data: "x".repeat(largest) })).status())
    .not.toBe(503);
  held[1]?.socket.destroy();
  expect((await request.get("/api/health")).status()).toBe(200);
});
