"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/action-client";
import type { RecheckSummary } from "@/lib/auth/recheck-everyone";
import { recheckAccessNow } from "./actions";

type State = ActionResult<RecheckSummary> | undefined;

function describe(state: State): string | undefined {
  if (!state) return undefined;
  if (!state.ok) return state.error;
  const { checked, lost, unavailable } = state.data;
  const parts = [`Checked ${checked} ${checked === 1 ? "person" : "people"}`];
  if (lost.length > 0) parts.push(`access removed for ${lost.join(", ")}`);
  if (unavailable > 0) parts.push(`${unavailable} could not be checked (GitHub unavailable)`);
  return `${parts.join("; ")}.`;
}

export function RecheckButton() {
  const [state, action, pending] = useActionState(
    async (_previous: State, form: FormData): Promise<State> => recheckAccessNow(form),
    undefined,
  );
  return (
    <form action={action} className="flex items-center gap-3">
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900"
      >
        {pending ? "Checking…" : "Recheck access now"}
      </button>
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {describe(state)}
      </p>
    </form>
  );
}
