import { withRole } from "@/lib/auth/with-role";
import { NotFoundError } from "@/lib/errors";
import { isLiveViewName, liveViews } from "@/lib/live-views";

/** One named view (see lib/live-views.ts) as JSON, for the live client components. */
export const GET = withRole(
  "viewer",
  async (_request: Request, context: { params: Promise<{ view: string }> }) => {
    const { view } = await context.params;
    if (!isLiveViewName(view)) throw new NotFoundError(`No view ${view}.`);
    return Response.json(await liveViews[view](), { headers: { "Cache-Control": "no-store" } });
  },
);
