"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signInLocalAdmin } from "@/lib/auth/local-sign-in";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { sessionCookieName, sessionCookieOptions } from "@/lib/auth/session-cookie";
import { env } from "@/lib/settings/env";

/** Public by design (the sign-in page): it only ever signs in the local admin, in local mode. */
export async function signInLocally(formData: FormData): Promise<void> {
  const { sessionToken, expires } = await signInLocalAdmin();
  const secure = env().auth.secureCookies;
  (await cookies()).set(sessionCookieName(secure), sessionToken, {
    ...sessionCookieOptions(secure),
    expires,
  });
  redirect(safeCallbackUrl(formData.get("callbackUrl")));
}
