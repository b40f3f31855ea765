"use client";

import { useState } from "react";
import type { CatalogEntry } from "@/lib/servers/template-catalog";
import { defaultFor } from "@/lib/servers/template-parameters";
import { ChangePanel, primaryButton } from "./change-panel";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { useHydrated } from "./use-hydrated";
import { useChangeFlow, type ServerAction } from "./use-change-flow";

/**
 * Pick a template and its parameters; a reprovision also asks for the server's name, and starts
 * from the template installed now (a reinstall is most often of the same system).
 */
export function ProvisionForm({
  action,
  server,
  templates,
  reprovision,
  installed,
}: {
  action: ServerAction;
  server: { name: string; arch: "x86_64" | "aarch64"; installDisk: string };
  templates: CatalogEntry[];
  reprovision: boolean;
  installed?: string;
}) {
  const usable = templates.filter((entry) => entry.arch.includes(server.arch));
  const flow = useChangeFlow(action);
  const hydrated = useHydrated();
  const [template, setTemplate] = useState(
    usable.find((item) => item.template === installed)?.template ?? usable[0]?.template ?? "",
  );
  const [values, setValues] = useState<Record<string, string>>({});
  const [typed, setTyped] = useState("");
  const entry = usable.find((item) => item.template === template);
  const busy = flow.state.step === "previewing" || flow.state.step === "committing";
  const verb = reprovision ? "Reprovision" : "Provision";

  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    const parameters = Object.fromEntries(
      Object.entries(values).filter(([, value]) => value.trim() !== ""),
    );
    flow.preview({
      name: server.name,
      template,
      parameters,
      ...(reprovision ? { confirmName: server.name } : {}),
    });
  };

  if (flow.state.step === "confirm") {
    return (
      <ChangePanel
        state={flow.state}
        onConfirm={flow.confirm}
        onBack={flow.reset}
        confirmLabel={`${verb} ${server.name}`}
        confirmDisabled={reprovision && typed !== server.name}
      >
        {reprovision ? (
          <Field
            id="confirm-name"
            label={`Type ${server.name} to confirm that its disk ${server.installDisk} will be erased`}
          >
            <input
              id="confirm-name"
              className={inputClass}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
            />
          </Field>
        ) : null}
      </ChangePanel>
    );
  }
  if (flow.state.step === "done" || flow.state.step === "committing") {
    return <ChangePanel state={flow.state} onConfirm={flow.confirm} onBack={flow.reset} />;
  }
  if (usable.length === 0)
    return <p className="text-sm">No template in the repository supports {server.arch}.</p>;
  return (
    <form onSubmit={submit} className="max-w-xl space-y-4" aria-label={`${verb} ${server.name}`}>
      <fieldset disabled={!hydrated} className="contents">
        <Field id="template" label="Operating system template" errors={flow.fields.template}>
          <select
            id="template"
            className={inputClass}
            value={template}
            onChange={(e) => setTemplate(e.target.value)}
          >
            {usable.map((item) => (
              <option key={item.template} value={item.template}>
                {item.displayName}
              </option>
            ))}
          </select>
        </Field>
        {entry ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{entry.description}</p>
        ) : null}
        {entry?.parameters.map((parameter) => (
          <Field
            key={`${entry.template}-${parameter.name}`}
            id={`parameter-${parameter.name}`}
            label={parameter.name}
            hint={parameter.description}
            errors={flow.fields[`parameters.${parameter.name}`]}
          >
            {parameter.type === "enum" || parameter.type === "boolean" ? (
              <select
                id={`parameter-${parameter.name}`}
                className={inputClass}
                value={values[parameter.name] ?? defaultFor(parameter, server) ?? ""}
                onChange={(e) => setValues({ ...values, [parameter.name]: e.target.value })}
              >
                {(parameter.type === "boolean" ? ["true", "false"] : (parameter.choices ?? [])).map(
                  (choice) => (
                    <option key={choice}>{choice}</option>
                  ),
                )}
              </select>
            ) : (
              <input
                id={`parameter-${parameter.name}`}
                className={inputClass}
                placeholder={defaultFor(parameter, server) ?? "required"}
                value={values[parameter.name] ?? ""}
                onChange={(e) => setValues({ ...values, [parameter.name]: e.target.value })}
              />
            )}
          </Field>
        ))}
        <ChangePanel state={flow.state} onConfirm={flow.confirm} onBack={flow.reset} />
        <button type="submit" className={primaryButton} disabled={busy}>
          {busy ? "Preparing…" : `Preview: ${verb.toLowerCase()}`}
        </button>
      </fieldset>
    </form>
  );
}
