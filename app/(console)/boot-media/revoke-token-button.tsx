"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/action-client";
import { revokeEnrollmentTokenAction } from "./actions";

type State = ActionResult<{ tokenId: string; server: string }> | undefined;

export function RevokeTokenButton({ tokenId, server }: { tokenId: string; server: string }) {
  const [state, action, pending] = useActionState(
    async (_previous: State, form: FormData): Promise<State> => revokeEnrollmentTokenAction(form),
    undefined,
  );
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Revoke the token of ${server}`}
        className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-400 dark:hover:bg-red-950"
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state && !state.ok ? (
        <span role="status" className="text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
