import type { Metadata } from "next";
import Link from "next/link";
import { parsePrincipal } from "@/lib/settings/principals";

export const metadata: Metadata = { title: "Not allowed" };

const reasons: Record<string, string> = {
  "not-on-list":
    "Your GitHub account is not on this console's access list, nor in an organisation or team that is.",
  "token-revoked": "GitHub no longer accepts this console's access to your account.",
  "login-changed": "Your GitHub login changed since you signed in.",
  "github-unavailable":
    "GitHub could not be reached to confirm your access. Try again in a moment.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NotAllowedPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const reason = typeof params.reason === "string" ? reasons[params.reason] : undefined;
  const login = typeof params.login === "string" ? parsePrincipal(params.login) : undefined;
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Not allowed</h1>
      <p className="mt-4 text-sm">
        {login?.kind === "name" ? (
          <>
            <strong>{login.name}</strong> may not use this console.{" "}
          </>
        ) : null}
        {reason ?? "You may not use this console."}
      </p>
      <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
        Ask an admin of this console to add your GitHub login, organisation or team to its access
        list.{login ? " Nothing was stored about you." : null}
      </p>
      <Link
        href="/sign-in"
        className="mt-6 inline-block text-sm font-medium text-sky-700 underline dark:text-sky-400"
      >
        Back to sign-in
      </Link>
    </>
  );
}
