import { createHmac } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

/** One open /api/events stream, and when each `bench-event-<n>` first showed on it. */
export async function openEvents(base: string, cookie: string) {
  const seen = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  const response = await fetch(`${base}/api/events`, { headers: { cookie } });
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no SSE body");
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      const at = performance.now();
      for (const match of decoder.decode(value).matchAll(/bench-event-(\d+)/g)) {
        const id = match[1];
        if (id === undefined || seen.has(id)) continue;
        seen.set(id, at);
        waiting.get(id)?.(at);
      }
    }
  })();
  const arrival = (id: string, timeoutMs: number) =>
    new Promise<number>((resolve, reject) => {
      const already = seen.get(id);
      if (already !== undefined) return resolve(already);
      const timer = setTimeout(() => reject(new Error(`event ${id} never arrived`)), timeoutMs);
      waiting.set(id, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  return { arrival, close: () => reader.cancel() };
}

/**
 * Signed Flux events posted one at a time to `sendTo`, each timed until it shows on a stream
 * opened on `streamFrom` (the same console, or another replica). Milliseconds, in order.
 */
export async function fluxEventLatencies(options: {
  sendTo: string;
  streamFrom: string;
  cookie: string;
  secret: string;
  count: number;
  firstId?: number;
}): Promise<number[]> {
  const events = await openEvents(options.streamFrom, options.cookie);
  await sleep(300);
  const latencies: number[] = [];
  try {
    for (let index = 0; index < options.count; index += 1) {
      const id = String((options.firstId ?? 0) + index);
      const body = JSON.stringify({
        involvedObject: {
          kind: "Kustomization",
          namespace: "flux-system",
          name: `bench-event-${id}`,
        },
        severity: "info",
        timestamp: new Date().toISOString(),
        message: "Applied revision",
        reason: "ReconciliationSucceeded",
        metadata: { revision: `main@sha1:${"b".repeat(40)}` },
        reportingController: "kustomize-controller",
      });
      const arriving = events.arrival(id, 5_000);
      const sent = performance.now();
      const response = await fetch(`${options.sendTo}/api/webhooks/flux`, {
        method: "POST",
        body,
        headers: {
          "Content-Type": "application/json",
          "X-Signature": `sha256=${createHmac("sha256", options.secret).update(body).digest("hex")}`,
        },
      });
      await response.arrayBuffer();
      if (response.status !== 202) throw new Error(`the Flux event got ${response.status}`);
      latencies.push((await arriving) - sent);
      await sleep(50);
    }
  } finally {
    await events.close();
  }
  return latencies;
}
