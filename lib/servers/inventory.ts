import { createHash } from "node:crypto";
import type { TreeReader } from "@/lib/gitops/types";
import { giveWayAt } from "@/lib/event-loop";
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

// Parsed files by path and content: with thousands of servers each check parses only what changed,
// and a file whose Git object id the tree knows is not even read.
type Parsed<T> = T | undefined | Error;
/** Parsed records by key; `fresh` counts the keys added since the last prune (the newest ones). */
type ParseCache<T> = { entries: Map<string, Parsed<T>>; fresh: number };
const serverCache: ParseCache<ServerRecord> = { entries: new Map(), fresh: 0 };
const workflowCache: ParseCache<WorkflowRecord> = { entries: new Map(), fresh: 0 };

/** Git's object id for a file of this text, as `git hash-object` computes it. */
const gitBlobId = (text: string) =>
  createHash("sha1")
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text)
    .digest("hex");

// One key whether the tree told the object id or the text was read and hashed as Git does.
const blobKey = (path: string, blobId: string) => `${blobId}:${path}`;

function parsedOnce<T>(cache: ParseCache<T>, key: string, parse: () => T | undefined): Parsed<T> {
  if (cache.entries.has(key)) return cache.entries.get(key);
  let value: Parsed<T>;
  try {
    value = parse();
  } catch (error) {
    value = error instanceof Error ? error : new Error(String(error));
  }
  cache.entries.set(key, value);
  cache.fresh += 1;
  return value;
}

/*
 * Keeps what the last inventory used, and what was added since the one before (files a change is
 * about to commit), and drops the rest once the cache holds far more: bounded by the fleet's size,
 * never cleared whole (a fleet larger than a fixed bound would be parsed again on every write).
 */
function keepOnly<T>(cache: ParseCache<T>, used: Set<string>): void {
  const { entries, fresh } = cache;
  cache.fresh = 0;
  if (entries.size <= 2 * used.size + fresh + 1_000) return;
  const older = entries.size - fresh;
  let index = 0;
  for (const key of entries.keys()) {
    if (index++ >= older) break;
    if (!used.has(key)) entries.delete(key);
  }
}

/**
 * Parses a Hardware file a change is about to commit, under the object id Git will give it, so
 * the next write's check finds it parsed (a 10,000-row CSV would otherwise be parsed again there,
 * in the writer's queue).
 */
export function rememberHardwareFile(path: string, text: string): void {
  parsedOnce(serverCache, blobKey(path, gitBlobId(text)), () => serverRecordOf(path, text));
}

/** The file's record, from the cache by object id, told by the tree or hashed from the text read. */
async function recordOf<T>(
  tree: TreeReader,
  path: string,
  cache: ParseCache<T>,
  parse: (path: string, text: string) => T | undefined,
  used: Set<string>,
): Promise<Parsed<T>> {
  const blobId = tree.blobId?.(path);
  const known = blobId === undefined ? undefined : blobKey(path, blobId);
  if (known !== undefined && cache.entries.has(known)) {
    used.add(known);
    return cache.entries.get(known);
  }
  const text = (await tree.read(path)) ?? "";
  const key = known ?? blobKey(path, gitBlobId(text));
  used.add(key);
  return parsedOnce(cache, key, () => parse(path, text));
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
  const used = new Set<string>();
  const records = await mapLimited(
    [...hardwareFiles, ...workflowFiles].filter(isManifest),
    readsAtOnce,
    async (path, index) => {
      await giveWayAt(index, 200);
      const isHardware = path.startsWith(`${folders.hardware}/`);
      const record = isHardware
        ? await recordOf(tree, path, serverCache, serverRecordOf, used)
        : await recordOf(tree, path, workflowCache, workflowRecordOf, used);
      return { path, isHardware, record };
    },
  );
  keepOnly(serverCache, used);
  keepOnly(workflowCache, used);
  for (const { path, isHardware, record } of records) {
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
