import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requestActor } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { env } from "@/lib/settings/env";
import { signInLocally } from "./actions";
import { GithubSignInButton } from "./github-sign-in-button";
import { signInErrorMessage } from "./sign-in-errors";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if ((await requestActor()).kind === "signed-in") redirect(callbackUrl);
  const error = signInErrorMessage(params.error);
  const { mode } = env().auth;
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Sign in to the Foundry console</h1>
      {error ? (
        <p
          role="alert"
          className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}
      <div className="mt-6">
        {mode === "github" ? (
          <GithubSignInButton callbackUrl={callbackUrl} />
        ) : (
          <form action={signInLocally}>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <button
              type="submit"
              className="w-full rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
            >
              Sign in as Local admin
            </button>
            <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
              Local mode: no GitHub OAuth app is configured, so this console only listens on this
              machine and has one admin. Set <code>GITHUB_CLIENT_ID</code> and{" "}
              <code>GITHUB_CLIENT_SECRET</code> to sign in with GitHub instead.
            </p>
          </form>
        )}
      </div>
    </>
  );
}
