import { InvalidError } from "@/lib/errors";

/*
 * Templates carry a placeholder script of exactly `slotSize` bytes wherever a boot loader reads
 * the script from; a download overwrites each copy in place. The placeholder is numbered line by
 * line, so a copy split across non-adjacent clusters can never match it as one byte range.
 */
export const slotSize = 4096;

export function placeholderScript(size = slotSize): Buffer {
  let text = "#!ipxe\n";
  for (let line = 0; text.length < size; line++) {
    text += `#foundry-script-slot-${line.toString().padStart(6, "0")}\n`;
  }
  const bytes = Buffer.from(text.slice(0, size), "ascii");
  bytes[size - 1] = 0x0a;
  return bytes;
}

/** The script padded with spaces to the slot's size, ending with a newline. */
export function fitScript(script: string, size = slotSize): Buffer {
  const body = Buffer.from(script.endsWith("\n") ? script : `${script}\n`, "utf8");
  if (!script.startsWith("#!ipxe")) throw new InvalidError("A boot script must start with #!ipxe.");
  if (body.length + 1 > size) {
    throw new InvalidError(
      `The boot script is ${body.length} bytes; the media's script slot holds ${size - 1}.`,
    );
  }
  const slot = Buffer.alloc(size, 0x20);
  body.copy(slot);
  slot[size - 1] = 0x0a;
  return slot;
}

/** Every offset where the whole placeholder occurs, in order. */
export function findSlots(image: Buffer, placeholder: Buffer): number[] {
  const offsets: number[] = [];
  for (let at = image.indexOf(placeholder); at !== -1; at = image.indexOf(placeholder, at + 1)) {
    offsets.push(at);
  }
  return offsets;
}
