import { claimEnrollmentToken } from "@/lib/enrollment/claim-enrollment-token";
import { defaultEnrollmentDeps } from "@/lib/enrollment/default-deps";
import { errorResponse } from "@/lib/http/error-response";

type Context = { params: Promise<{ server: string }> };

/**
 * Public (the installer has no session): during the install a server claims its one enrollment
 * token for the current Workflow generation, only while the cluster shows that install at its
 * fetch step. Answered as text, which the installer writes to disk.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const query = new URL(request.url).searchParams;
    // The nearest hop's view of the client, as proxy.ts keys rate limits: the Ingress appends it.
    const from = request.headers.get("x-forwarded-for")?.split(",").pop()?.trim() || undefined;
    const { token } = await claimEnrollmentToken(
      { server: (await params).server, input: { generation: query.get("generation") ?? undefined, from } },
      defaultEnrollmentDeps(),
    );
    return new Response(token, {
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
