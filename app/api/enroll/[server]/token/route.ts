import { publicRoute } from "@/lib/auth/public-route";
import { claimEnrollmentToken } from "@/lib/enrollment/claim-enrollment-token";
import { claimSecretHeader } from "@/lib/enrollment/first-boot-claim";
import { enrollmentParts } from "@/lib/runtime/enrollment";

type Context = { params: Promise<{ server: string }> };

/**
 * Public (the installer has no session): during the install a server claims its one enrollment
 * token for the current Workflow generation, with the claim secret Tinkerbell rendered into that
 * install, only while the cluster shows it at its fetch step. Answered as text, which the
 * installer writes to disk.
 */
export const GET = publicRoute<Context>(async (request, { params }) => {
  const query = new URL(request.url).searchParams;
  // The nearest hop's view of the client, as proxy.ts keys rate limits: the Ingress appends it.
  const from = request.headers.get("x-forwarded-for")?.split(",").pop()?.trim() || undefined;
  const { token } = await claimEnrollmentToken(
    {
      input: {
        server: (await params).server,
        generation: query.get("generation") ?? undefined,
        from,
        claimSecret: request.headers.get(claimSecretHeader) ?? undefined,
      },
    },
    enrollmentParts(),
  );
  return new Response(token, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
});
