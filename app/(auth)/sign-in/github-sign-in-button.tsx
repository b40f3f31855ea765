"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

export function GithubSignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("github", { callbackUrl }).catch(() => setPending(false));
      }}
      className="w-full rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
    >
      {pending ? "Opening GitHub…" : "Sign in with GitHub"}
    </button>
  );
}
