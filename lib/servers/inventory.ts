import { createHash } from "node:crypto";
import type { TreeReader } from "@/lib/gitops/types";
import { mapLimited } from "@/lib/map-limited";
import { folders } from "./paths";
import {
  serverRecordOf,
  workflowRecordOf,
  type ServerRecord,
  type WorkflowRecord,
} from "./server-record";

/** What every check across the repository needs: each server, and who holds each MAC and IP. */
export type Inventory = {
  servers: Map<string, ServerRecord>;
  macs: Map<string, string>;
  addresses: Map<string, string>;
  workflows: Map<string, WorkflowRecord[]>;
  /** Files that are not what they claim to be, with the reason; shown, never fatal. */
  problems: { path: string; problem: string }[];
};

// Parsed files by content hash: with thousands of servers each check re-parses only what changed.
type Parsed<T> = T | undefined | Error;
const serverCache = new Map<string, Parsed<ServerRecord>>();
const workflowCache = new Map<string, Parsed<WorkflowRecord>>();

function cached<T>(
  cache: Map<string, Parsed<T>>,
  path: string,
  text: string,
  parse: (path: string, text: string) => T | undefined,
): Parsed<T> {
  const key = createHash("sha1").update(path).update("\0").update(text).digest("hex");
  if (cache.has(key)) return cache.get(key);
  let value: Parsed<T>;
  try {
    value = parse(path, text);
  } catch (error) {
    value = error instanceof Error ? error : new Error(String(error));
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(key, value);
  return value;
}

// Each read holds a file or a git process open: a bound far below the usual 1,024 descriptors.
const readsAtOnce = 16;

const isManifest = (path: string) => /\.ya?ml$/.test(path) && !path.endsWith("/kustomization.yaml");

export async function readInventory(tree: TreeReader): Promise<Inventory> {
  const inventory: Inventory = {
    servers: new Map(),
    macs: new Map(),
    addresses: new Map(),
    workflows: new Map(),
    problems: [],
  };
  const [hardwareFiles, workflowFiles] = await Promise.all([
    tree.list(folders.hardware),
    tree.list(folders.workflows),
  ]);
  const texts = await mapLimited(
    [...hardwareFiles, ...workflowFiles].filter(isManifest),
    readsAtOnce,
    async (path) => [path, (await tree.read(path)) ?? ""] as const,
  );
  for (const [path, text] of texts) {
    const isHardware = path.startsWith(`${folders.hardware}/`);
    const record = isHardware
      ? cached(serverCache, path, text, serverRecordOf)
      : cached(workflowCache, path, text, workflowRecordOf);
    if (record instanceof Error) {
      inventory.problems.push({ path, problem: `not valid YAML: ${record.message}` });
    } else if (record === undefined) {
      inventory.problems.push({
        path,
        problem: isHardware ? "holds no Hardware object" : "holds no Workflow with a hardwareRef",
      });
    } else if ("hostname" in record) {
      inventory.servers.set(record.name, record);
      for (const item of record.interfaces) {
        inventory.macs.set(item.mac, record.name);
        if (item.mode === "static") inventory.addresses.set(item.address, record.name);
      }
    } else {
      const list = inventory.workflows.get(record.server) ?? [];
      list.push(record);
      list.sort((a, b) => a.generation - b.generation);
      inventory.workflows.set(record.server, list);
    }
  }
  return inventory;
}
