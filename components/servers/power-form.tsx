"use client";

import { useState } from "react";
import { ChangePanel, primaryButton } from "./change-panel";
import { useHydrated } from "./use-hydrated";
import { useChangeFlow, type ServerAction } from "./use-change-flow";

const choices = [
  { action: "power-on", label: "Power on" },
  { action: "power-off", label: "Power off" },
  { action: "power-cycle", label: "Power cycle" },
  { action: "netboot-next", label: "Boot from the network next" },
] as const;

/** BMC actions: each is a commit of a Rufio Job, previewed first like every change. */
export function PowerForm({ action, name }: { action: ServerAction; name: string }) {
  const flow = useChangeFlow(action);
  const hydrated = useHydrated();
  const [chosen, setChosen] = useState<(typeof choices)[number]>(choices[0]);
  if (
    flow.state.step !== "editing" &&
    flow.state.step !== "previewing" &&
    flow.state.step !== "failed"
  ) {
    return (
      <ChangePanel
        state={flow.state}
        onConfirm={flow.confirm}
        onBack={flow.reset}
        confirmLabel={`${chosen.label}: commit`}
      />
    );
  }
  return (
    <div className="space-y-2">
      <ChangePanel state={flow.state} onConfirm={flow.confirm} onBack={flow.reset} />
      <fieldset className="space-y-1 text-sm">
        <legend className="sr-only">BMC action</legend>
        {choices.map((choice) => (
          <label key={choice.action} className="flex items-center gap-2">
            <input
              type="radio"
              name="power-action"
              value={choice.action}
              checked={chosen.action === choice.action}
              onChange={() => setChosen(choice)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className={primaryButton}
        disabled={!hydrated}
        onClick={() => flow.preview({ name, action: chosen.action })}
      >
        Preview: {chosen.label.toLowerCase()}
      </button>
    </div>
  );
}
