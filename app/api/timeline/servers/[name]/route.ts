import { withRole } from "@/lib/auth/with-role";
import { serverTimeline } from "@/lib/timeline/server-timeline";
import { sharedParts } from "@/lib/runtime/shared";

export const GET = withRole(
  "viewer",
  async (_request: Request, context: { params: Promise<{ name: string }> }) => {
    const { name } = await context.params;
    return Response.json(await serverTimeline(name, sharedParts()), {
      headers: { "Cache-Control": "no-store" },
    });
  },
);
