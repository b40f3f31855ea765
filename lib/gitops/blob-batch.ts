import { gitBytes, type GitRunOptions } from "./git-command";

export type BlobText = { text: string; bytes: number };

/** Blobs by object id through one `cat-file --batch`; ids Git does not have are left out. */
export async function readBlobs(
  ids: string[],
  options: Omit<GitRunOptions, "input">,
): Promise<Map<string, BlobText>> {
  const out = await gitBytes(["cat-file", "--batch"], { ...options, input: `${ids.join("\n")}\n` });
  return parseBatch(out);
}

/** The blobs in `cat-file --batch` output, by object id. */
export function parseBatch(out: Buffer): Map<string, BlobText> {
  const read = new Map<string, BlobText>();
  let offset = 0;
  while (offset < out.length) {
    const end = out.indexOf(10, offset);
    const [id = "", type = "", size = "0"] = out.subarray(offset, end).toString().split(" ");
    const length = Number(size);
    if (type === "blob") {
      read.set(id, {
        text: out.subarray(end + 1, end + 1 + length).toString("utf8"),
        bytes: length,
      });
    }
    offset = type === "missing" ? end + 1 : end + 1 + length + 1;
  }
  return read;
}
