import type { Actor, Role } from "@/lib/actor";
import { bootMediaSettingsFrom } from "@/lib/settings/boot-media";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { createDownloadTickets } from "@/lib/bootmedia/download-tickets";
import { hardwareFile } from "@/lib/servers/paths";
import type { DatabaseClient } from "@/lib/db/client";
import { hardwareYaml, ipxeDir, type HardwareSeed } from "@/tests/bootmedia/support/boot-world";
import { testTemplates } from "@/tests/bootmedia/support/memory-templates";
import { createMemoryAuditLog, type MemoryAuditLog } from "@/tests/support/memory-audit-log";

export function person(role: Role, login: string = role): Actor {
  return { id: `id-${login}`, login, name: login, email: `${login}@example.test`, role };
}

/** Boot media dependencies on a test database, an in-memory tree and a clock the test moves. */
export function testDeps(
  db: DatabaseClient,
  hardware: HardwareSeed[],
): BootMediaDeps & {
  audit: MemoryAuditLog;
  clock: { now: Date };
} {
  const files = new Map(hardware.map((seed) => [hardwareFile(seed.name), hardwareYaml(seed)]));
  const clock = { now: new Date("2026-11-21T12:00:00Z") };
  return {
    db,
    audit: createMemoryAuditLog(),
    bootMedia: bootMediaSettingsFrom(
      {
        FOUNDRY_PUBLIC_URL: "http://10.0.2.2:3000",
        FOUNDRY_SMEE_URL: "http://10.0.2.2:7080",
        FOUNDRY_IPXE_DIR: ipxeDir,
        FOUNDRY_ENROLLMENT_TOKEN_TTL_HOURS: 24,
      },
      { consoleUrl: "http://127.0.0.1:3000", dataDir: "/unused", cwd: "/" },
    ),
    templates: testTemplates(),
    headTree: async () => ({
      files: [...files.keys()],
      read: async (path: string) => files.get(path),
    }),
    tickets: createDownloadTickets({ secret: "test-download-ticket-secret-of-32-chars" }),
    now: () => clock.now,
    clock,
  };
}

export function tokenInScript(script: string): string {
  const match = /\/api\/boot\/media\/([A-Za-z0-9_-]{43})\?/.exec(script);
  if (match?.[1] === undefined) throw new Error("no token in the script");
  return match[1];
}
