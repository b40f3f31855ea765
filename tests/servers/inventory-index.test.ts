import { afterAll, beforeAll, expect, it } from "vitest";
import type { GitTree, TreeReader } from "@/lib/gitops/types";
import { readInventory } from "@/lib/servers/inventory";
import { bulkRegisterServers } from "@/lib/servers/bulk-register";
import { registerServer } from "@/lib/servers/register";
import { ada } from "@/tests/gitops/git-world";
import { createServerWorld, operator, serverInput, type ServerWorld } from "./server-world";

/*
 * A write checks the whole inventory, so with thousands of servers it must not open every file
 * again: a file Git names by the same object id is the one parsed before.
 */
let world: ServerWorld;
beforeAll(async () => {
  world = await createServerWorld();
  for (const [index, name] of ["rack1-node1", "rack1-node2"].entries()) {
    await registerServer(
      {
        actor: operator,
        input: serverInput({
          name,
          hostname: name,
          interfaces: [{ mode: "dhcp", mac: `02:00:00:00:00:0${index + 1}` }],
        }),
      },
      world.deps(),
    );
  }
});
afterAll(() => world.close());

/** The tree as it is, counting the files read. */
function counting(tree: TreeReader): { tree: TreeReader; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    tree: {
      list: (folder) => tree.list(folder),
      read: (path) => {
        reads.push(path);
        return tree.read(path);
      },
      ...(tree.blobId ? { blobId: tree.blobId } : {}),
    },
  };
}

/** Runs `look` as a change of the console's writer, on its own clone: the tree a write sees. */
async function inAWrite(clone: string, look: (tree: GitTree) => Promise<void>): Promise<void> {
  await world.writer({ cloneDir: `${world.dir}/${clone}` }).applyChange({
    actor: ada,
    action: "test-index",
    summary: `test: read the inventory (${clone})`,
    change: look,
  });
}

it("a write's check opens none of the files it parsed at the same Git objects before", async () => {
  const seen: { first: string[]; again: string[]; ids: (string | undefined)[]; written?: string } =
    { first: [], again: [], ids: [] };
  const expected = (
    await world.remoteGit(["rev-parse", "main:manifests/tinkerbell/hardware/rack1-node1.yaml"])
  ).trim();
  await inAWrite("index-clone", async (tree) => {
    const first = counting(tree);
    const inventory = await readInventory(first.tree);
    expect([...inventory.servers.keys()].sort()).toEqual(["rack1-node1", "rack1-node2"]);
    const again = counting(tree);
    await readInventory(again.tree);
    seen.first = first.reads;
    seen.again = again.reads;
    seen.ids.push(tree.blobId?.("tinkerbell/hardware/rack1-node1.yaml"));
    await tree.write("tinkerbell/hardware/rack1-node1.yaml", "# edited\n");
    seen.written = tree.blobId?.("tinkerbell/hardware/rack1-node1.yaml");
  });
  // rack1-node1 was parsed at its object when rack1-node2 was registered; rack1-node2 is new.
  expect(seen.first).toEqual(["tinkerbell/hardware/rack1-node2.yaml"]);
  expect(seen.ids).toEqual([expected]);
  expect(seen.again).toEqual([]);
  // Once written, the file is no longer what its commit holds: it is read and parsed again.
  expect(seen.written).toBeUndefined();
});

it("the write after a CSV opens none of the files the CSV committed", async () => {
  const csv = [
    "name,hostname,mac",
    "csv-node1,csv-node1,02:00:00:00:01:01",
    "csv-node2,csv-node2,02:00:00:00:01:02",
  ].join("\n");
  const deps = world.deps();
  await bulkRegisterServers({ actor: operator, input: { csv } }, deps);
  let reads: string[] = [];
  await inAWrite("after-csv-clone", async (tree) => {
    const counted = counting(tree);
    const inventory = await readInventory(counted.tree);
    expect([...inventory.servers.keys()]).toEqual(
      expect.arrayContaining(["csv-node1", "csv-node2"]),
    );
    reads = counted.reads;
  });
  expect(reads.filter((path) => path.includes("csv-node"))).toEqual([]);
});
