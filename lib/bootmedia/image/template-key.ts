import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { UnavailableError } from "@/lib/errors";
import { debianBootFiles } from "@/lib/bootmedia/image/image-tools";
import { ipxeBinaries } from "@/lib/bootmedia/ipxe/ipxe-binaries";
import { mediaArchName } from "@/lib/bootmedia/media-arch-name";
import type { MediaKind } from "@/lib/bootmedia/schema";
import { slotSize } from "@/lib/bootmedia/image/script-slot";

// Bump when the layout of a template changes, so cached templates are rebuilt.
const layoutVersion = "2";

/** A short hash of everything a template is built from: when any input changes, so does the key. */
export async function templateKey(ipxeDir: string, kind: MediaKind): Promise<string> {
  const binaries = ipxeBinaries(ipxeDir, kind.arch);
  const inputs = [
    binaries.efi,
    ...(binaries.bios ? [binaries.bios, ...Object.values(debianBootFiles)] : []),
  ];
  const hash = createHash("sha256").update(
    `${layoutVersion}:${mediaArchName(kind.arch)}:${kind.format}:${slotSize}`,
  );
  for (const file of inputs) {
    try {
      hash.update(await readFile(file));
    } catch (error) {
      throw new UnavailableError(
        `Boot media need ${file}; run scripts/fetch-ipxe.sh (iPXE) or install isolinux and syslinux-common, ` +
          "or set FOUNDRY_IPXE_DIR.",
        { cause: error },
      );
    }
  }
  return hash.digest("hex").slice(0, 16);
}
