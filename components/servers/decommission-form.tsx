"use client";

import { useState } from "react";
import { ChangePanel, primaryButton } from "./change-panel";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { useHydrated } from "./use-hydrated";
import { useChangeFlow, type ServerAction } from "./use-change-flow";

/** Decommission: the preview says what goes, and the server's name must be typed. */
export function DecommissionForm({ action, name }: { action: ServerAction; name: string }) {
  const flow = useChangeFlow(action);
  const hydrated = useHydrated();
  const [typed, setTyped] = useState("");
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
        confirmLabel={`Decommission ${name}`}
        confirmDisabled={typed !== name}
      >
        <Field id="decommission-confirm" label={`Type ${name} to confirm`}>
          <input
            id="decommission-confirm"
            className={inputClass}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
          />
        </Field>
      </ChangePanel>
    );
  }
  return (
    <div className="space-y-2">
      <ChangePanel state={flow.state} onConfirm={flow.confirm} onBack={flow.reset} />
      <button
        type="button"
        className={primaryButton}
        disabled={!hydrated}
        onClick={() => flow.preview({ name, confirmName: name })}
      >
        Preview: decommission
      </button>
    </div>
  );
}
