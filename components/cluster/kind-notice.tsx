import type { KindPanelState } from "@/lib/k8s/read/kind-panel";
import { LiveTime } from "@/components/live/live-time";

/** What a panel says when its kind cannot be shown live: not installed, refused, last known. */
export function KindNotice({ panel }: { panel: KindPanelState }) {
  switch (panel.phase) {
    case "not-installed":
      return (
        <p
          className="rounded border border-dashed border-zinc-300 p-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
          data-testid={`not-installed-${panel.key}`}
        >
          {panel.title} are not installed in this cluster yet (no CRD <code>{panel.crd}</code>). The
          panel fills in once the CRD appears; nothing else waits for it.
        </p>
      );
    case "forbidden":
      return (
        <p className="text-sm text-red-800 dark:text-red-300">
          The console may not read {panel.title}: {panel.reason}
        </p>
      );
    case "unreachable":
      return (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          Last known state
          {panel.syncedAt ? (
            <>
              {" "}
              from <LiveTime at={panel.syncedAt} />
            </>
          ) : null}
          ; the cluster is not answering.
        </p>
      );
    case "starting":
      return (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Reading {panel.title} from the cluster…
        </p>
      );
    default:
      return null;
  }
}
