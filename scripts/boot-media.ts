// `npm run boot-media -- --out FILE [--server NAME] [--format iso|usb] [--arch x86_64|aarch64]`:
// the same bytes a download from the console serves, from the same settings, without the server.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createPrismaAuditLog } from "@/lib/audit/prisma-audit-log";
import type { Actor } from "@/lib/actor";
import { createServerMedia } from "@/lib/bootmedia/create-server-media";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { downloadGenericMedia } from "@/lib/bootmedia/download-generic-media";
import { createDownloadTickets } from "@/lib/bootmedia/download-tickets";
import { mediaArchName } from "@/lib/bootmedia/media-arch-name";
import { openServerMedia } from "@/lib/bootmedia/open-server-media";
import { architectureSchema, mediaFormatSchema } from "@/lib/bootmedia/schema";
import { createTemplateCache } from "@/lib/bootmedia/image/template-cache";
import { writeMediaFile } from "@/lib/bootmedia/image/write-media-file";
import { createDatabaseClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { parseEnv } from "@/lib/settings/env-schema";
import { isDomainError } from "@/lib/errors";
import { createGitWriter } from "@/lib/gitops/create-git-writer";
import { gitWriterOptions } from "@/lib/gitops/options-from-env";
import { serverNameSchema } from "@/lib/servers/schema";

const usage =
  "usage: npm run boot-media -- --out FILE [--server NAME] [--format iso|usb] [--arch x86_64|aarch64 (or arm64)]";

const argsSchema = z.object({
  out: z.string({ error: `--out is required; ${usage}` }).min(1),
  server: serverNameSchema.optional(),
  format: mediaFormatSchema.default("iso"),
  arch: architectureSchema.default("x86_64"),
});

function cliActor(): Actor {
  const login = userInfo().username;
  return {
    id: `cli:${login}`,
    login: `cli:${login}`,
    name: `${login} (command line)`,
    email: "cli@foundry.invalid",
    role: "operator",
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      server: { type: "string" },
      format: { type: "string" },
      arch: { type: "string" },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"),
    );
  }
  const args = parsed.data;
  const settings = parseEnv(process.env);
  await applyMigrations({ databaseUrl: settings.databaseUrl });
  const db = createDatabaseClient(settings.databaseUrl);
  const audit = createPrismaAuditLog(db);
  // A clone of its own: the running console's clone belongs to the console.
  const cloneDir = await mkdtemp(path.join(tmpdir(), "foundry-boot-media-"));
  const writer = createGitWriter({ ...gitWriterOptions(settings, audit), cloneDir });
  const deps: BootMediaDeps = {
    db,
    audit,
    bootMedia: settings.bootMedia,
    templates: createTemplateCache(settings.bootMedia),
    headTree: () => writer.readTree(),
    // The CLI writes the file itself: its tickets never leave this process.
    tickets: createDownloadTickets({ secret: randomBytes(32).toString("base64") }),
    now: () => new Date(),
  };
  const actor = cliActor();
  try {
    const kind = { arch: args.arch, format: args.format };
    if (args.server === undefined) {
      const { image } = await downloadGenericMedia({ actor, input: kind }, deps);
      await writeMediaFile(image, args.out);
      console.log(
        `wrote ${args.out}: generic ${mediaArchName(args.arch)} ${args.format}, ${image.size} bytes\nsha256 ${image.sha256}`,
      );
      return;
    }
    const media = await createServerMedia({ actor, input: { ...kind, server: args.server } }, deps);
    const { image } = await openServerMedia(
      { actor, input: { ticket: media.ticketId, audit: false } },
      deps,
    );
    await writeMediaFile(image, args.out);
    console.log(
      `wrote ${args.out}: ${args.server} ${mediaArchName(args.arch)} ${args.format}, ${image.size} bytes\n` +
        `sha256 ${image.sha256}\nenrollment token ${media.tokenId} expires ${media.expiresAt.toISOString()}`,
    );
  } finally {
    await db.$disconnect();
    await rm(cloneDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(
    `boot-media: ${isDomainError(error) || error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
