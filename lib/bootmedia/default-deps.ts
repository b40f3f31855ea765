import "server-only";
import { auditJournal } from "@/lib/audit/journal";
import { createDownloadTickets } from "@/lib/bootmedia/download-tickets";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { createTemplateCache } from "@/lib/bootmedia/template-cache";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { gitWriter } from "@/lib/gitops/writer";
import { singleton } from "@/lib/singleton";

/** The running console's boot media dependencies: its database, audit, Git tree and caches. */
export function defaultBootMediaDeps(): BootMediaDeps {
  return singleton("boot-media-deps", () => {
    const settings = env().bootMedia;
    return {
      db: db(),
      audit: auditJournal(),
      settings,
      templates: createTemplateCache(settings),
      tree: () => gitWriter().readTree(),
      tickets: createDownloadTickets(),
      now: () => new Date(),
    };
  });
}
