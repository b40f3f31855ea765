import { conditionalHeaders, decideRange } from "@/lib/http/byte-range";
import type { PatchedImage } from "@/lib/bootmedia/image/patched-image";
import { declaredLengthHeader } from "@/lib/http/declared-length";

export type MediaDownload = {
  image: PatchedImage;
  fileName: string;
  contentType: string;
  /** Per-server media hold a token: never kept by a cache. */
  private: boolean;
};

function body(image: PatchedImage, start: number, end: number): ReadableStream<Uint8Array> {
  const chunks = image.chunks(start, end);
  // Pulled one chunk at a time: a slow client holds a 64 KiB view, never a copy of the image.
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel() {
        chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** The response for a GET or HEAD of boot media: ETag, digest, length and byte ranges. */
export function mediaResponse(request: Request, download: MediaDownload): Response {
  const { image } = download;
  const etag = `"${image.sha256}"`;
  const headers = new Headers({
    ETag: etag,
    "Accept-Ranges": "bytes",
    "Cache-Control": download.private ? "private, no-store" : "private, no-cache",
    "Repr-Digest": `sha-256=:${Buffer.from(image.sha256, "hex").toString("base64")}:`,
    "X-Content-Type-Options": "nosniff",
  });
  const decision = decideRange(conditionalHeaders(request), etag, image.size);
  if (decision.kind === "not-modified") return new Response(null, { status: 304, headers });
  if (decision.kind === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${image.size}`);
    return new Response(null, { status: 416, headers });
  }
  const [start, end] =
    decision.kind === "partial" ? [decision.start, decision.end] : [0, image.size - 1];
  headers.set("Content-Type", download.contentType);
  headers.set("Content-Disposition", `attachment; filename="${download.fileName}"`);
  headers.set("Content-Length", String(end - start + 1));
  // Next.js drops Content-Length from route handlers' responses (lib/http/declared-length.ts).
  headers.set(declaredLengthHeader, String(end - start + 1));
  if (decision.kind === "partial")
    headers.set("Content-Range", `bytes ${start}-${end}/${image.size}`);
  const status = decision.kind === "partial" ? 206 : 200;
  if (request.method === "HEAD") return new Response(null, { status, headers });
  return new Response(body(image, start, end), { status, headers });
}
