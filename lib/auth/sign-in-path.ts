import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

/** The sign-in page, remembering where the person was going when that is a safe place. */
export function signInPath(returnTo: string | null | undefined): string {
  const back = safeCallbackUrl(returnTo);
  return back === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(back)}`;
}
