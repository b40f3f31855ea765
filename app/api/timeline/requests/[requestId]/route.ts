import { withRole } from "@/lib/auth/with-role";
import { requestTimeline } from "@/lib/timeline/request-timeline";
import { sharedParts } from "@/lib/runtime/shared";

export const GET = withRole(
  "viewer",
  async (_request: Request, context: { params: Promise<{ requestId: string }> }) => {
    const { requestId } = await context.params;
    return Response.json(await requestTimeline(requestId, sharedParts()), {
      headers: { "Cache-Control": "no-store" },
    });
  },
);
