"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-client";
import type { FieldIssues } from "@/lib/errors";
import type { ChangeResult } from "./change-result";

export type ServerAction = (input: {
  input: unknown;
  preview: boolean;
}) => Promise<ActionResult<ChangeResult>>;

export type FlowState =
  | { step: "editing" }
  | { step: "previewing" }
  | {
      step: "confirm";
      preview: Extract<ChangeResult, { kind: "preview" }>;
      input: Record<string, unknown>;
    }
  | { step: "committing" }
  | { step: "done"; result: Extract<ChangeResult, { kind: "committed" }> }
  | { step: "failed"; error: string };

/** Preview → confirm → commit, with the fields a refusal names, for every server form. */
export function useChangeFlow(action: ServerAction) {
  const [state, setState] = useState<FlowState>({ step: "editing" });
  const [fields, setFields] = useState<FieldIssues>({});
  const [, startTransition] = useTransition();

  const handle = (result: ActionResult<ChangeResult>, input: Record<string, unknown>) => {
    if (!result.ok) {
      setFields(result.fields ?? {});
      setState({ step: "failed", error: result.error });
      return;
    }
    const data = result.data;
    if (data.kind === "preview") {
      setFields({});
      setState({ step: "confirm", preview: data, input });
    } else {
      setState({ step: "done", result: data });
    }
  };

  return {
    state,
    fields,
    setFields,
    preview(input: Record<string, unknown>) {
      setState({ step: "previewing" });
      startTransition(async () => handle(await action({ input, preview: true }), input));
    },
    confirm() {
      if (state.step !== "confirm") return;
      const input = { ...state.input, previewDigest: state.preview.digest };
      setState({ step: "committing" });
      startTransition(async () => handle(await action({ input, preview: false }), input));
    },
    reset: () => setState({ step: "editing" }),
  };
}
