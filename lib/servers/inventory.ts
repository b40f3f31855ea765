import { gitBlobId } from "@/lib/gitops/blob-id";
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
  readonly servers: ReadonlyMap<string, ServerRecord>;
  readonly macs: ReadonlyMap<string, string>;
  readonly addresses: ReadonlyMap<string, string>;
  readonly workflows: ReadonlyMap<string, readonly WorkflowRecord[]>;
  /** Files that are not what they claim to be, with the reason; shown, never fatal. */
  readonly problems: readonly { path: string; problem: string }[];
};

// Parsed files by path and content: with thousands of servers each check parses only what changed,
// and a file whose Git object id the tree knows is not even read.
type Parsed<T> = T | undefined | Error;
/**
 * Parsed records by key; `fresh` counts the keys added since the last prune (the newest ones).
 * `byPath` is each path's last record under the object id it had, the lookup most files take.
 */
type ParseCache<T> = {
  entries: Map<string, Parsed<T>>;
  fresh: number;
  byPath: Map<string, { blobId: string; key: string; value: Parsed<T> }>;
};
const newCache = <T>(): ParseCache<T> => ({ entries: new Map(), fresh: 0, byPath: new Map() });
const serverCache: ParseCache<ServerRecord> = newCache();
const workflowCache: ParseCache<WorkflowRecord> = newCache();

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
  if (blobId !== undefined && known !== undefined && cache.entries.has(known)) {
    used.add(known);
    const value = cache.entries.get(known);
    cache.byPath.set(path, { blobId, key: known, value });
    return value;
  }
  const text = (await tree.read(path)) ?? "";
  const key = known ?? blobKey(path, gitBlobId(text));
  used.add(key);
  const value = parsedOnce(cache, key, () => parse(path, text));
  if (blobId !== undefined) cache.byPath.set(path, { blobId, key, value });
  return value;
}

/** Forgets paths the fleet no longer has, once far more are remembered than it holds. */
function keepPaths<T>(cache: ParseCache<T>, paths: string[]): void {
  if (cache.byPath.size <= paths.length + 1_000) return;
  const current = new Set(paths);
  for (const path of cache.byPath.keys()) if (!current.has(path)) cache.byPath.delete(path);
}

// Each read holds a file or a git process open: a bound far below the usual 1,024 descriptors.
const readsAtOnce = 16;

const isManifest = (path: string) => /\.ya?ml$/.test(path) && !path.endsWith("/kustomization.yaml");

type FileRecord = Parsed<ServerRecord | WorkflowRecord>;

const isHardware = (path: string) => path.startsWith(`${folders.hardware}/`);

// The last inventory made, and of what: the preview and the commit of one write, and the Servers
// page after it, read the same commit, and an inventory is never changed once made.
let lastMade: { paths: string[]; records: FileRecord[]; inventory: Inventory } | undefined;

export async function readInventory(tree: TreeReader): Promise<Inventory> {
  const [hardwareFiles, workflowFiles] = await Promise.all([
    tree.list(folders.hardware),
    tree.list(folders.workflows),
  ]);
  const used = new Set<string>();
  const paths = [...hardwareFiles, ...workflowFiles].filter(isManifest);
  // A file whose object id the tree knows and is the one its path had last time costs one
  // lookup, without a promise: with 10,000 servers that is most of the fleet, on every write.
  const records: FileRecord[] = new Array(paths.length);
  const unknown: number[] = [];
  paths.forEach((path, index) => {
    const cache: ParseCache<ServerRecord | WorkflowRecord> = isHardware(path)
      ? serverCache
      : workflowCache;
    const blobId = tree.blobId?.(path);
    const last = cache.byPath.get(path);
    if (blobId !== undefined && last?.blobId === blobId) {
      // Still in use, so the parse cache keeps it when it prunes.
      used.add(last.key);
      records[index] = last.value;
    } else {
      unknown.push(index);
    }
  });
  // Where a read costs a process, one batch reads them all first (a cold start: the whole fleet).
  if (unknown.length > 1) await tree.prefetch?.(unknown.map((index) => paths[index] ?? ""));
  await mapLimited(unknown, readsAtOnce, async (index, n) => {
    await giveWayAt(n, 200);
    const path = paths[index] ?? "";
    records[index] = isHardware(path)
      ? await recordOf(tree, path, serverCache, serverRecordOf, used)
      : await recordOf(tree, path, workflowCache, workflowRecordOf, used);
  });
  keepOnly(serverCache, used);
  keepOnly(workflowCache, used);
  keepPaths(serverCache, hardwareFiles);
  keepPaths(workflowCache, workflowFiles);
  const last = lastMade;
  if (
    last !== undefined &&
    last.paths.length === paths.length &&
    paths.every(
      (path, index) => path === last.paths[index] && records[index] === last.records[index],
    )
  ) {
    return last.inventory;
  }
  const inventory = inventoryOf(paths, records);
  lastMade = { paths, records, inventory };
  return inventory;
}

function inventoryOf(paths: string[], records: FileRecord[]): Inventory {
  const servers = new Map<string, ServerRecord>();
  const macs = new Map<string, string>();
  const addresses = new Map<string, string>();
  const workflows = new Map<string, WorkflowRecord[]>();
  const problems: { path: string; problem: string }[] = [];
  paths.forEach((path, index) => {
    const record = records[index];
    if (record instanceof Error) {
      problems.push({ path, problem: `not valid YAML: ${record.message}` });
    } else if (record === undefined) {
      problems.push({
        path,
        problem: isHardware(path)
          ? "holds no Hardware object"
          : "holds no Workflow with a hardwareRef",
      });
    } else if ("hostname" in record) {
      servers.set(record.name, record);
      for (const item of record.interfaces) {
        macs.set(item.mac, record.name);
        if (item.mode === "static") addresses.set(item.address, record.name);
      }
    } else {
      const list = workflows.get(record.server) ?? [];
      list.push(record);
      list.sort((a, b) => a.generation - b.generation);
      workflows.set(record.server, list);
    }
  });
  return { servers, macs, addresses, workflows, problems };
}
