import { withRole } from "@/lib/auth/with-role";
import { createServerMedia } from "@/lib/bootmedia/create-server-media";
import { defaultBootMediaDeps } from "@/lib/bootmedia/default-deps";

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
    defaultBootMediaDeps(),
  );
  const location = new URL(media.downloadPath, request.url).toString();
  return Response.json(media, {
    status: 303,
    headers: { Location: location, "Cache-Control": "no-store" },
  });
});
