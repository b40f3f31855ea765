import { KubeConfig } from "@kubernetes/client-node";
import { afterEach, describe, expect, it } from "vitest";
import { startKubeApiDouble, type KubeApiDouble } from "@/e2e/sandbox/api-server";
import { ObjectStore } from "@/e2e/sandbox/object-store";
import { sandboxKubeconfig } from "@/e2e/sandbox/kubeconfig";
import { startClusterWatch, type ClusterWatch } from "@/lib/k8s/cluster-watch";
import { clusterConnection } from "@/lib/k8s/connection";
import { kindKeys } from "@/lib/k8s/kinds";
import type { ClusterTarget } from "@/lib/k8s/kube-config";
import { gitopsView } from "@/lib/k8s/read/gitops-view";
import { nodesView } from "@/lib/k8s/read/nodes-view";

const fast = {
  backoff: { initialMs: 50, maxMs: 200 },
  notInstalledRetryMs: 150,
  idleTimeoutMs: 10_000,
};

function targetFor(api: { url: string }): ClusterTarget {
  const config = new KubeConfig();
  config.loadFromString(sandboxKubeconfig(api.url));
  return { config, label: "sandbox cluster", sandbox: true, server: api.url };
}

function node(name: string, ready = true) {
  return {
    metadata: { name, labels: { "kubernetes.io/arch": "amd64" } },
    status: {
      conditions: [
        {
          type: "Ready",
          status: ready ? "True" : "False",
          lastTransitionTime: new Date().toISOString(),
        },
      ],
      nodeInfo: { kubeletVersion: "v1.33.4+k3s1", architecture: "amd64" },
    },
  };
}

async function eventually(check: () => void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

describe("cluster watches through @kubernetes/client-node", () => {
  let api: KubeApiDouble | undefined;
  let watch: ClusterWatch | undefined;
  const current = (): ClusterWatch => {
    if (!watch) throw new Error("no cluster watch started");
    return watch;
  };
  afterEach(async () => {
    watch?.stop();
    await api?.close();
  });

  it("lists, then follows changes through the watch", async () => {
    api = await startKubeApiDouble();
    api.store.upsert("nodes", node("cp-1"));
    watch = startClusterWatch(targetFor(api), fast);
    await eventually(() => expect(nodesView(current()).nodes.map((n) => n.name)).toEqual(["cp-1"]));
    await eventually(() => expect(clusterConnection(current()).state).toBe("connected"));

    api.store.upsert("nodes", node("rack1-node3", false));
    await eventually(() =>
      expect(nodesView(current()).nodes.find((n) => n.name === "rack1-node3")?.ready).toBe(false),
    );
    api.store.upsert("nodes", node("rack1-node3", true));
    await eventually(() =>
      expect(nodesView(current()).nodes.find((n) => n.name === "rack1-node3")?.ready).toBe(true),
    );
    api.store.remove("nodes", "cp-1");
    await eventually(() =>
      expect(nodesView(current()).nodes.map((n) => n.name)).toEqual(["rack1-node3"]),
    );
  });

  it("reconnects from the last resourceVersion when the stream drops, without a relist", async () => {
    api = await startKubeApiDouble();
    watch = startClusterWatch(targetFor(api), fast);
    await eventually(() => expect(api?.openWatches()).toBe(kindKeys.length));
    const lists = watch.reflectors.nodes?.stats.lists;
    api.dropWatches();
    api.store.upsert("nodes", node("while-away"));
    await eventually(() =>
      expect(nodesView(current()).nodes.map((n) => n.name)).toEqual(["while-away"]),
    );
    expect(watch.reflectors.nodes?.stats.lists).toBe(lists);
    expect(watch.reflectors.nodes?.stats.watches).toBeGreaterThanOrEqual(2);
  });

  it("lists afresh on 410 Gone and drops what was deleted meanwhile", async () => {
    api = await startKubeApiDouble();
    api.store.upsert("nodes", node("old"));
    watch = startClusterWatch(targetFor(api), fast);
    await eventually(() => expect(nodesView(current()).nodes.map((n) => n.name)).toEqual(["old"]));
    await eventually(() => expect(api?.openWatches()).toBe(kindKeys.length));
    api.dropWatches();
    // Changes while away, then etcd compaction: the old resourceVersion is gone.
    api.store.remove("nodes", "old");
    api.store.upsert("nodes", node("new"));
    api.store.compact();
    await eventually(() => expect(nodesView(current()).nodes.map((n) => n.name)).toEqual(["new"]));
    expect(watch.reflectors.nodes?.stats.gone).toBeGreaterThanOrEqual(1);
    expect(watch.reflectors.nodes?.stats.lists).toBeGreaterThanOrEqual(2);
  });

  it("says a kind is not installed, keeps the rest working, and picks the CRD up when it appears", async () => {
    const store = new ObjectStore();
    api = await startKubeApiDouble({ store });
    api.uninstall("helmreleases");
    api.store.upsert("kustomizations", {
      metadata: { name: "apps", namespace: "flux-system" },
      status: {
        lastAppliedRevision: `main@sha1:${"a".repeat(40)}`,
        conditions: [
          { type: "Ready", status: "True", reason: "ReconciliationSucceeded", message: "Applied" },
        ],
      },
    });
    watch = startClusterWatch(targetFor(api), fast);
    await eventually(() => {
      const view = gitopsView(current());
      expect(view.helmreleases.panel.phase).toBe("not-installed");
      expect(view.kustomizations.objects[0]?.lastAppliedSha).toBe("a".repeat(40));
    });
    api.install("helmreleases");
    api.store.upsert("helmreleases", {
      metadata: { name: "cilium", namespace: "kube-system" },
      spec: { suspend: true },
    });
    await eventually(() => {
      const view = gitopsView(current());
      expect(view.helmreleases.panel.phase).toBe("synced");
      expect(view.helmreleases.objects[0]).toMatchObject({
        name: "cilium",
        suspended: true,
        ready: { tone: "suspended" },
      });
    });
  });

  it("keeps the last known state while the cluster is unreachable and recovers without a restart", async () => {
    api = await startKubeApiDouble();
    const port = api.port;
    api.store.upsert("nodes", node("cp-1"));
    watch = startClusterWatch(targetFor(api), fast);
    await eventually(() => expect(clusterConnection(current()).state).toBe("connected"));
    await api.close();
    await eventually(() => expect(clusterConnection(current()).state).toBe("unreachable"));
    const down = clusterConnection(current());
    expect(down.lastSyncedAt).not.toBeNull();
    expect(nodesView(current()).nodes.map((n) => n.name)).toEqual(["cp-1"]);

    const store = new ObjectStore();
    store.upsert("nodes", node("cp-1"));
    store.upsert("nodes", node("rack1-node1"));
    api = await startKubeApiDouble({ port, store });
    await eventually(() => {
      expect(clusterConnection(current()).state).toBe("connected");
      expect(nodesView(current()).nodes.map((n) => n.name)).toEqual(["cp-1", "rack1-node1"]);
    }, 10_000);
  });
});
