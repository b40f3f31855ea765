import { withRole } from "@/lib/auth/with-role";
import { bootMediaParts } from "@/lib/runtime/boot-media";
import { mediaResponse } from "@/lib/bootmedia/media-response";
import { openServerMedia } from "@/lib/bootmedia/open-server-media";
import { isResumedDownload } from "@/lib/http/resumed-download";

type Context = { params: Promise<{ ticket: string }> };

/** The bytes of per-server media made a moment ago: byte ranges, ETag, digest; never cached. */
export const GET = withRole<Context>("operator", async (request, { actor, params }) => {
  const download = await openServerMedia(
    { actor, input: { ticket: (await params).ticket, audit: !isResumedDownload(request) } },
    bootMediaParts(),
  );
  return mediaResponse(request, download);
});

export const HEAD = GET;
