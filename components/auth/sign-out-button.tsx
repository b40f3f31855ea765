"use client";

import { signOut } from "next-auth/react";

/*
 * next-auth would send the browser to the sign-in page on AUTH_URL's origin, which for a person
 * on http://localhost:3000 is http://127.0.0.1:3000: another origin, without their cookies, where
 * the next sign-in lands. The session ends on this origin, and the page stays on it.
 */
async function signOutHere(): Promise<void> {
  await signOut({ redirect: false });
  window.location.assign("/sign-in");
}

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOutHere()}
      className="rounded px-1.5 py-0.5 text-xs text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400"
    >
      Sign out
    </button>
  );
}
