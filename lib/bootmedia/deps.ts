import type { BootMediaSettings } from "@/lib/settings/boot-media";
import type { DownloadTickets } from "@/lib/bootmedia/download-tickets";
import type { TemplateCache } from "@/lib/bootmedia/image/template-cache";
import type { ManifestReader } from "@/lib/bootmedia/read-hardware";
import type { Context } from "@/lib/context";

declare module "@/lib/context" {
  interface Context {
    bootMedia: BootMediaSettings;
    templates: TemplateCache;
    tickets: DownloadTickets;
    /** The GitOps manifests tree at the branch's current HEAD. */
    headTree(): Promise<ManifestReader & { files: readonly string[] }>;
  }
}

/** What the boot media verbs work with; the console's own in `lib/runtime/boot-media.ts`. */
export type BootMediaDeps = Pick<
  Context,
  "db" | "audit" | "bootMedia" | "templates" | "headTree" | "tickets" | "now"
>;
