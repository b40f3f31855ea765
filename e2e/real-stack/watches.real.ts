import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { realStackDir } from "./settings";
import { kubeRest } from "./kube-rest";
import { kubectl, signInAsLocalAdmin, stackPort } from "./stack";

/*
 * The console's watches against the real kube-apiserver and etcd: a fleet of 5,000 Nodes, the API
 * server stopped mid-watch (the console must say its view is stale), etcd compacted while it is
 * down so the old resource versions are gone (410 on the way back), then changes after the
 * restart. The console's view must end equal to the cluster's.
 */
type NodesView = { panel: { count: number; phase: string } };
type Connection = { state: string; since: string | null; lastSyncedAt: string | null };

const fleet = 5_000;
const etcd = `http://127.0.0.1:${stackPort("ETCD")}`;
const api = kubeRest(realStackDir, `https://127.0.0.1:${stackPort("APISERVER")}`);
const fleetLabel = "foundry.test/fleet";
const stack = (command: string) =>
  execFileSync("bash", ["scripts/real-stack.sh", command, realStackDir], { stdio: "inherit" });

const nodeCount = async (page: Page) =>
  ((await (await page.request.get("/api/live/nodes")).json()) as NodesView).panel.count;
const connection = async (page: Page) =>
  (await (await page.request.get("/api/live/connection")).json()) as Connection;
const clusterNodeCount = async () =>
  (await kubectl("get", "nodes", "-o", "name")).trim().split("\n").filter(Boolean).length;

/** Nodes as kubelets register them, many requests at a time (kubectl creates one by one). */
async function registerNodes(names: string[]): Promise<void> {
  const node = (name: string) => ({
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        "kubernetes.io/hostname": name,
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/os": "linux",
        [fleetLabel]: "watch",
      },
    },
  });
  await inParallel(names, (name) => api.create("/api/v1/nodes", node(name)));
}

async function inParallel<T>(
  items: T[],
  work: (item: T) => Promise<void>,
  width = 16,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        if (item !== undefined) await work(item);
      }
    }),
  );
}

/** etcd's own v3 API (its JSON gateway): the current revision, and a compaction up to it. */
async function compactEtcd(): Promise<number> {
  const range = await fetch(`${etcd}/v3/kv/range`, {
    method: "POST",
    body: JSON.stringify({ key: Buffer.from("/").toString("base64") }),
  });
  const revision = Number(
    ((await range.json()) as { header: { revision: string } }).header.revision,
  );
  const compacted = await fetch(`${etcd}/v3/kv/compaction`, {
    method: "POST",
    body: JSON.stringify({ revision, physical: true }),
  });
  expect(compacted.status).toBe(200);
  return revision;
}

test("a 5,000-node fleet stays in view through an API server restart and compacted resource versions", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signInAsLocalAdmin(page);
  const names = Array.from({ length: fleet }, (_, i) => `fleet-${String(i).padStart(5, "0")}`);
  await registerNodes(names);
  await expect.poll(() => nodeCount(page), { timeout: 60_000 }).toBe(await clusterNodeCount());

  // Something else changes, so the console's last resource version for Nodes falls behind.
  await kubectl("-n", "default", "create", "configmap", `moved-on-${Date.now()}`);
  stack("stop-apiserver");
  await expect
    .poll(async () => (await connection(page)).state, { timeout: 60_000 })
    .toBe("unreachable");
  const down = await connection(page);
  expect(down.since).not.toBeNull();
  expect(down.lastSyncedAt).not.toBeNull();
  await page.goto("/nodes");
  await expect(page.getByText(/unreachable/).first()).toBeVisible();
  expect(await compactEtcd()).toBeGreaterThan(0);
  stack("start-apiserver");

  await inParallel(names.slice(0, 1_000), (name) => api.delete(`/api/v1/nodes/${name}`));
  await registerNodes(["fleet-late-1", "fleet-late-2"]);
  await expect
    .poll(async () => (await connection(page)).state, { timeout: 60_000 })
    .toBe("connected");
  await expect.poll(() => nodeCount(page), { timeout: 60_000 }).toBe(await clusterNodeCount());
  expect(await clusterNodeCount()).toBeGreaterThanOrEqual(fleet - 1_000 + 2);

  await api.delete(`/api/v1/nodes?labelSelector=${encodeURIComponent(`${fleetLabel}=watch`)}`);
  await expect.poll(() => nodeCount(page), { timeout: 60_000 }).toBe(await clusterNodeCount());
});
