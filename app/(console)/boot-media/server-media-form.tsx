"use client";

import { useActionState } from "react";
import { Checksum, formatSize } from "@/components/boot-media/checksum";
import type { ActionResult } from "@/lib/auth/action-client";
import type { ServerMedia } from "@/lib/bootmedia/create-server-media";
import type { MediaFormat } from "@/lib/bootmedia/schema";
import type { Architecture } from "@/lib/servers/schema";
import { createServerMediaAction } from "./actions";

type State = ActionResult<ServerMedia> | undefined;

/** Per-server media: each press mints a new enrollment token and shows its SHA-256. */
export function ServerMediaForm(props: {
  servers: string[];
  server: string | undefined;
  arch: Architecture;
  format: MediaFormat;
  ttlHours: number;
}) {
  const [state, action, pending] = useActionState(
    async (_previous: State, form: FormData): Promise<State> => createServerMediaAction(form),
    undefined,
  );
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="arch" value={props.arch} />
        <input type="hidden" name="format" value={props.format} />
        <div className="flex flex-col text-sm">
          <label htmlFor="server-media-server">Server</label>
          <select
            id="server-media-server"
            name="server"
            defaultValue={props.server ?? props.servers[0]}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {props.servers.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={pending || props.servers.length === 0}
          className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900"
        >
          {pending ? "Building…" : "Make per-server media"}
        </button>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          Holds a new enrollment token, valid {props.ttlHours} hours.
        </span>
      </form>
      <div role="status" className="text-sm">
        {state && !state.ok ? (
          <p className="text-red-700 dark:text-red-400">{state.error}</p>
        ) : null}
        {state?.ok ? (
          <div className="space-y-1 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
            <p>
              <a
                className="font-medium text-blue-700 underline dark:text-blue-400"
                href={state.data.downloadPath}
                download
              >
                Download {state.data.fileName}
              </a>{" "}
              ({formatSize(state.data.size)}; the link works for an hour, on this console)
            </p>
            <p>
              SHA-256: <Checksum sha256={state.data.sha256} />
            </p>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              Token expires {new Date(state.data.expiresAt).toISOString()}.
            </p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
