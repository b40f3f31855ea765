import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildIsoTemplate } from "@/lib/bootmedia/image/build-iso";
import { buildUsbTemplate } from "@/lib/bootmedia/image/build-usb";
import { ipxeBinaries } from "@/lib/bootmedia/ipxe/ipxe-binaries";
import { mediaArchName } from "@/lib/bootmedia/media-arch-name";
import { mediaTemplate, type MediaTemplate } from "@/lib/bootmedia/image/media-template";
import type { MediaKind } from "@/lib/bootmedia/schema";
import { findSlots, placeholderScript, slotSize } from "@/lib/bootmedia/image/script-slot";
import { templateKey } from "@/lib/bootmedia/image/template-key";
import { UnavailableError } from "@/lib/errors";

export type TemplateCache = { get(kind: MediaKind): Promise<MediaTemplate> };

const expectedSlots = (kind: MediaKind) =>
  kind.format === "iso" && kind.arch === "x86_64" ? 2 : 1;

/**
 * Templates are built once per iPXE build and media kind, kept as files in the data dir (built
 * beside their place and renamed in) and in memory; concurrent first requests share one build.
 */
export function createTemplateCache(options: { ipxeDir: string; cacheDir: string }): TemplateCache {
  const loaded = new Map<string, Promise<MediaTemplate>>();

  async function load(kind: MediaKind): Promise<MediaTemplate> {
    const key = await templateKey(options.ipxeDir, kind);
    const file = path.join(
      options.cacheDir,
      "templates",
      `${mediaArchName(kind.arch)}-${kind.format}-${key}.img`,
    );
    const bytes = await readFile(file).catch(() => build(kind, file));
    const slots = findSlots(bytes, placeholderScript());
    if (slots.length !== expectedSlots(kind)) {
      await rm(file, { force: true });
      throw new UnavailableError(
        `The ${mediaArchName(kind.arch)} ${kind.format} template has ${slots.length} script slots instead of ${expectedSlots(kind)}; it was removed and will be rebuilt.`,
      );
    }
    return mediaTemplate(key, bytes, slots, slotSize);
  }

  async function build(kind: MediaKind, file: string): Promise<Buffer> {
    await mkdir(path.dirname(file), { recursive: true });
    const workDir = await mkdtemp(path.join(path.dirname(file), ".build-"));
    try {
      const placeholder = path.join(workDir, "autoexec.ipxe");
      await writeFile(placeholder, placeholderScript());
      const output = path.join(workDir, "template.img");
      const build = kind.format === "iso" ? buildIsoTemplate : buildUsbTemplate;
      await build({
        binaries: ipxeBinaries(options.ipxeDir, kind.arch),
        placeholder,
        workDir,
        output,
      });
      await rename(output, file);
      return await readFile(file);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  return {
    get(kind) {
      const id = `${kind.arch}-${kind.format}`;
      let template = loaded.get(id);
      if (template === undefined) {
        template = load(kind);
        loaded.set(id, template);
        // A failed build is not remembered: the next request tries again.
        template.catch(() => loaded.delete(id));
      }
      return template;
    },
  };
}
