import { cp } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "@/lib/actor";
import { createBlobCache } from "@/lib/gitops/blob-cache";
import { createGitReader } from "@/lib/gitops/tree-reader";
import type { ServerDeps } from "@/lib/servers/deps";
import { createGitWorld, type GitWorld } from "@/tests/gitops/git-world";

export const operator: Actor = {
  id: "u2",
  login: "olga",
  name: "Olga Operator",
  email: "olga@example.test",
  role: "operator",
};
export const viewer: Actor = {
  id: "u3",
  login: "vic",
  name: "Vic Viewer",
  email: "vic@example.test",
  role: "viewer",
};

export type ServerWorld = GitWorld & {
  deps(): ServerDeps;
  revoked: string[];
  /** Servers whose tokens a reprovision revoked. */
  reprovisionRevoked: string[];
  head(): Promise<string>;
};

/** A Git world whose repository holds the project's Tinkerbell folders, as a user's fork does. */
export async function createServerWorld(): Promise<ServerWorld> {
  const world = await createGitWorld();
  await world.commitByHand(async (work) => {
    await cp(
      path.resolve(__dirname, "../../manifests/tinkerbell"),
      path.join(work, "manifests/tinkerbell"),
      { recursive: true },
    );
  }, "seed the tinkerbell folders");
  const revoked: string[] = [];
  const reprovisionRevoked: string[] = [];
  let clones = 0;
  return Object.assign(world, {
    revoked,
    reprovisionRevoked,
    deps(): ServerDeps {
      clones += 1;
      const cloneDir = path.join(world.dir, `server-clone-${clones}`);
      return {
        writer: world.writer({ cloneDir }),
        reader: createGitReader(
          { cloneDir, manifestsPath: "manifests" },
          createBlobCache(8 * 1024 * 1024),
        ),
        manifestsPath: "manifests",
        consoleUrl: "https://foundry.example.test",
        revokeServerTokens: async (name: string, reason: "decommissioned" | "reprovisioned") => {
          (reason === "reprovisioned" ? reprovisionRevoked : revoked).push(name);
        },
      };
    },
    head: async () => (await world.remoteGit(["rev-parse", "main"])).trim(),
  });
}

export function serverInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "rack1-node3",
    hostname: "rack1-node3.lab.example",
    arch: "x86_64",
    firmware: "uefi",
    installDisk: "/dev/sda",
    interfaces: [
      {
        mode: "static",
        mac: "AA-BB-CC-DD-EE-01",
        address: "10.0.1.13",
        netmask: "255.255.255.0",
        gateway: "10.0.1.1",
        nameServers: "10.0.1.1, 1.1.1.1",
      },
    ],
    site: "ams1",
    rack: "rack1",
    ...overrides,
  };
}
