import { publicRoute } from "@/lib/auth/public-route";
import { exchangeEnrollmentToken } from "@/lib/enrollment/exchange-enrollment-token";
import { enrollmentParts } from "@/lib/runtime/enrollment";

type Context = { params: Promise<{ server: string }> };

/**
 * Public (a first-booting server has no session): the enrollment token in the Authorization
 * header is the credential, exchanged once for the server's Tailscale key and K3s join token.
 */
export const POST = publicRoute<Context>(async (request, { params }) => {
  const bearer = /^Bearer ([^\s]+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer === undefined) {
    return Response.json(
      { error: "Send the enrollment token as Authorization: Bearer <token>" },
      { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="foundry-enrollment"' } },
    );
  }
  const credentials = await exchangeEnrollmentToken(
    { input: { server: (await params).server, token: bearer } },
    enrollmentParts(),
  );
  return Response.json(credentials, { headers: { "Cache-Control": "no-store" } });
});
