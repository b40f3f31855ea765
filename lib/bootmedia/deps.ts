import type { AuditLog } from "@/lib/audit/types";
import type { BootMediaSettings } from "@/lib/bootmedia/boot-media-settings";
import type { DownloadTickets } from "@/lib/bootmedia/download-tickets";
import type { ManifestReader } from "@/lib/bootmedia/read-hardware";
import type { TemplateCache } from "@/lib/bootmedia/image/template-cache";
import type { DatabaseClient } from "@/lib/db/client";

/** What the boot media verbs work with; the console's own in `lib/runtime/boot-media.ts`. */
export type BootMediaDeps = {
  db: DatabaseClient;
  audit: AuditLog;
  settings: BootMediaSettings;
  templates: TemplateCache;
  /** The GitOps manifests tree at the branch's current HEAD. */
  tree(): Promise<ManifestReader & { files: readonly string[] }>;
  tickets: DownloadTickets;
  now(): Date;
};
