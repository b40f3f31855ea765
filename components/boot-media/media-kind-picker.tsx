import { mediaArchName } from "@/lib/bootmedia/media-arch-name";
import type { MediaFormat } from "@/lib/bootmedia/schema";
import type { Architecture } from "@/lib/servers/schema";

const selectClass =
  "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Architecture and format, as a GET form: the choice lives in the URL and can be shared. */
export function MediaKindPicker({
  arch,
  format,
  server,
}: {
  arch: Architecture;
  format: MediaFormat;
  server: string | undefined;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      {server ? <input type="hidden" name="server" value={server} /> : null}
      <label className="flex flex-col text-sm">
        Architecture
        <select name="arch" defaultValue={mediaArchName(arch)} className={selectClass}>
          <option value="x86_64">x86_64 (BIOS and UEFI)</option>
          <option value="arm64">arm64 (UEFI, e.g. Ampere)</option>
        </select>
      </label>
      <label className="flex flex-col text-sm">
        Format
        <select name="format" defaultValue={format} className={selectClass}>
          <option value="iso">Hybrid ISO (CD, BMC virtual media, USB)</option>
          <option value="usb">USB disk image (.img)</option>
        </select>
      </label>
      <button
        type="submit"
        className="rounded-md border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700"
      >
        Show
      </button>
    </form>
  );
}
