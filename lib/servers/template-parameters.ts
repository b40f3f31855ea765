import { InvalidError, type FieldIssues } from "@/lib/errors";
import type { ServerRecord } from "./server-record";
import type { TemplateParameter } from "./template-metadata";

/*
 * Template parameters become Workflow hardwareMap values that Tinkerbell pastes into the
 * template's YAML when it renders it. So each value is one line of a narrow alphabet: no
 * quotes, braces, spaces, '#', '&', '!' or newlines can ever change the rendered structure.
 */
const safeText = /^[A-Za-z0-9._:/@+=,%~-]*$/;

function checkValue(parameter: TemplateParameter, value: string): string | undefined {
  switch (parameter.type) {
    case "url": {
      if (!/^https?:\/\/[^\s"'{}<>\\`|^#]+$/.test(value))
        return "must be an http(s) URL without spaces, quotes or braces";
      try {
        new URL(value);
      } catch {
        return "must be an http(s) URL";
      }
      return undefined;
    }
    case "integer": {
      if (!/^-?\d{1,12}$/.test(value)) return "must be a whole number";
      const number = Number(value);
      if (parameter.min !== undefined && number < parameter.min)
        return `must be at least ${parameter.min}`;
      if (parameter.max !== undefined && number > parameter.max)
        return `must be at most ${parameter.max}`;
      return undefined;
    }
    case "sha256":
      return /^[0-9a-f]{64}$/.test(value)
        ? undefined
        : "must be a SHA-256 as sha256sum prints it: 64 hexadecimal digits";
    case "boolean":
      return value === "true" || value === "false" ? undefined : "must be true or false";
    case "enum":
      return parameter.choices?.includes(value)
        ? undefined
        : `must be one of ${(parameter.choices ?? []).join(", ")}`;
    case "string":
      return safeText.test(value) && value.length <= 256
        ? undefined
        : "must be letters, digits and . _ : / @ + = , % ~ - only (no spaces, quotes or braces)";
  }
}

export function defaultFor(
  parameter: TemplateParameter,
  server: Pick<ServerRecord, "arch">,
): string | undefined {
  return parameter.defaultByArch?.[server.arch] ?? parameter.default;
}

/** The values to commit: given ones checked by type, missing ones from their defaults. */
export function resolveParameters(
  parameters: TemplateParameter[],
  given: Record<string, string>,
  server: Pick<ServerRecord, "arch">,
): Record<string, string> {
  const fields: FieldIssues = {};
  const out: Record<string, string> = {};
  for (const name of Object.keys(given)) {
    if (!parameters.some((parameter) => parameter.name === name)) {
      fields[`parameters.${name}`] = ["is not a parameter of this template"];
    }
  }
  for (const parameter of parameters) {
    const typed = given[parameter.name]?.trim();
    // A digest pasted from a release page is often upper case or tagged "sha256:".
    const raw = parameter.type === "sha256" ? typed?.toLowerCase().replace(/^sha256:/, "") : typed;
    const value = raw === undefined || raw === "" ? defaultFor(parameter, server) : raw;
    if (value === undefined) {
      fields[`parameters.${parameter.name}`] = ["is required"];
      continue;
    }
    const problem = checkValue(parameter, value);
    if (problem) fields[`parameters.${parameter.name}`] = [problem];
    else out[parameter.name] = value;
  }
  if (Object.keys(fields).length > 0)
    throw new InvalidError("Some template parameters need attention", fields);
  return out;
}
