/**
 * The session cookie, shared by next-auth, the local sign-in and the proxy's quick check.
 * Over HTTPS the `__Secure-` prefix makes browsers refuse it without the Secure flag.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-foundry.session" : "foundry.session";
}

export const sessionMaxAgeSeconds = 7 * 24 * 60 * 60;
export const sessionUpdateAgeSeconds = 24 * 60 * 60;

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax", path: "/", secure } as const;
}
