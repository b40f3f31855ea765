import { withRole } from "@/lib/auth/with-role";
import { bootMediaParts } from "@/lib/runtime/boot-media";
import { downloadGenericMedia } from "@/lib/bootmedia/download-generic-media";
import { mediaResponse } from "@/lib/bootmedia/media-response";
import { isResumedDownload } from "@/lib/http/resumed-download";

/** Generic iPXE media: `?arch=x86_64|aarch64&format=iso|usb` (arm64 is read as aarch64). Byte ranges, ETag and digest. */
export const GET = withRole("viewer", async (request: Request, { actor }) => {
  const query = new URL(request.url).searchParams;
  const download = await downloadGenericMedia(
    {
      actor,
      input: {
        arch: query.get("arch") ?? undefined,
        format: query.get("format") ?? undefined,
        audit: !isResumedDownload(request),
      },
    },
    bootMediaParts(),
  );
  return mediaResponse(request, download);
});

export const HEAD = GET;
