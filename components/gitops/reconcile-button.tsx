"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-client";
import type { FluxKindKey } from "@/lib/k8s/kinds";

type Reconcile = (input: {
  kind: FluxKindKey;
  namespace: string;
  name: string;
}) => Promise<ActionResult<{ requestedAt: string }>>;

/** Asks Flux to reconcile now; the row then shows the request until the controller handles it. */
export function ReconcileButton({
  kind,
  namespace,
  name,
  action,
  pending,
}: {
  kind: FluxKindKey;
  namespace: string;
  name: string;
  action: Reconcile;
  pending: boolean;
}) {
  const [busy, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={busy || pending}
        onClick={() =>
          start(async () => {
            const result = await action({ kind, namespace, name });
            setError(result.ok ? null : result.error);
          })
        }
        className="rounded border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        aria-label={`Reconcile ${namespace}/${name} now`}
      >
        {busy ? "Asking…" : pending ? "Reconciling…" : "Reconcile now"}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </span>
  );
}
