/** What went wrong, in words, for the `error` next-auth or the console puts on the sign-in URL. */
const messages: Record<string, string> = {
  "github-unavailable":
    "GitHub could not be reached to confirm your access. Try again in a moment.",
  OAuthSignin: "GitHub sign-in could not start. Try again.",
  OAuthCallback: "GitHub sign-in did not finish. Try again.",
  Callback: "GitHub sign-in did not finish. Try again.",
  AccessDenied: "You are not allowed to use this console.",
  OAuthAccountNotLinked: "This email already belongs to another account here.",
};

export function signInErrorMessage(code: unknown): string | undefined {
  if (typeof code !== "string" || code === "") return undefined;
  return messages[code] ?? "Sign-in did not work. Try again.";
}
