import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { renderHardwareFile } from "@/lib/servers/hardware-file";
import { serverSpecSchema } from "@/lib/servers/schema";

const execFileAsync = promisify(execFile);
const quiet = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };

export const ipxeDir = path.resolve(import.meta.dirname, "../../../vendor/ipxe");

export type HardwareSeed = {
  name: string;
  mac: string;
  ip?: { address: string; netmask: string; gateway: string };
  nameServers?: string[];
  /** A BMC makes the file two documents: the Hardware and Rufio's Machine. */
  bmc?: { address: string; secretName: string };
  arch?: "x86_64" | "aarch64";
};

/** The file the console itself writes when this server is registered and provisioned. */
export function hardwareYaml(seed: HardwareSeed): string {
  const nic = seed.ip
    ? { mode: "static", mac: seed.mac, ...seed.ip, nameServers: (seed.nameServers ?? []).join(",") }
    : { mode: "dhcp", mac: seed.mac };
  const spec = serverSpecSchema.parse({
    name: seed.name,
    hostname: seed.name,
    arch: seed.arch ?? "x86_64",
    firmware: "uefi",
    installDisk: "/dev/sda",
    interfaces: [nic],
    ...(seed.bmc ? { bmc: seed.bmc } : {}),
  });
  return renderHardwareFile(spec, true);
}

/** A bare GitOps repository of its own holding the given Hardware, at `<dir>/gitops.git`. */
export async function gitopsRepository(dir: string, hardware: HardwareSeed[]): Promise<string> {
  const work = path.join(dir, "seed");
  const bare = path.join(dir, "gitops.git");
  const git = (args: string[], cwd = work) => execFileAsync("git", args, { cwd, env: quiet });
  await mkdir(path.join(work, "manifests/tinkerbell/hardware"), { recursive: true });
  for (const seed of hardware) {
    await writeFile(
      path.join(work, `manifests/tinkerbell/hardware/${seed.name}.yaml`),
      hardwareYaml(seed),
    );
  }
  await git(["init", "-q", "--initial-branch=main"]);
  await git(["add", "-A"]);
  await git([
    "-c",
    "user.name=Test",
    "-c",
    "user.email=test@example.test",
    "commit",
    "-q",
    "-m",
    "seed",
  ]);
  await git(["clone", "-q", "--bare", work, bare], dir);
  return bare;
}

export type BootWorldEnv = {
  FOUNDRY_DATA_DIR: string;
  DATABASE_URL: string;
  FOUNDRY_GIT_URL: string;
  FOUNDRY_IPXE_DIR: string;
  FOUNDRY_PUBLIC_URL: string;
  FOUNDRY_SMEE_URL: string;
};

/**
 * The settings a console of this test's own uses: a data dir, SQLite database and GitOps
 * repository in a fresh temp folder. Set before the first `env()` call of the test file.
 */
export async function bootWorld(options: {
  hardware: HardwareSeed[];
  publicUrl?: string;
  smeeUrl?: string;
}): Promise<{ dir: string; env: BootWorldEnv; close(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "foundry-bootmedia-test-"));
  const bare = await gitopsRepository(dir, options.hardware);
  const env: BootWorldEnv = {
    FOUNDRY_DATA_DIR: path.join(dir, "data"),
    DATABASE_URL: `file:${path.join(dir, "data", "foundry.db")}`,
    FOUNDRY_GIT_URL: bare,
    FOUNDRY_IPXE_DIR: ipxeDir,
    FOUNDRY_PUBLIC_URL: options.publicUrl ?? "http://10.0.2.2:3000",
    FOUNDRY_SMEE_URL: options.smeeUrl ?? "http://10.0.2.2:7080",
  };
  await mkdir(env.FOUNDRY_DATA_DIR, { recursive: true });
  return { dir, env, close: () => rm(dir, { recursive: true, force: true }) };
}
