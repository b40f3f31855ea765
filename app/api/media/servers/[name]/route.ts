import { withRole } from "@/lib/auth/with-role";
import { createServerMedia } from "@/lib/bootmedia/create-server-media";
import { bootMediaParts } from "@/lib/runtime/boot-media";

type Context = { params: Promise<{ name: string }> };

/**
 * Makes per-server media (`?arch=…&format=…`): mints its enrollment token and answers 303 to the
 * download, whose URL serves the same bytes while it lives, so downloads resume. The body says
 * the SHA-256 to expect.
 */
export const POST = withRole<Context>("operator", async (request, { actor, params }) => {
  const query = new URL(request.url).searchParams;
  const media = await createServerMedia(
    {
      actor,
      input: {
        server: (await params).name,
        arch: query.get("arch") ?? undefined,
        format: query.get("format") ?? undefined,
      },
    },
    bootMediaParts(),
  );
  // Relative, so the download stays on the origin the browser used: behind the standalone server
  // request.url names its own host (localhost), a different origin for a session on 127.0.0.1.
  return Response.json(media, {
    status: 303,
    headers: { Location: media.downloadPath, "Cache-Control": "no-store" },
  });
});
