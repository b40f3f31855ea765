/**
 * The part of Tinkerbell's Go-template rendering our templates use: `{{ .var }}`,
 * `{{ formatPartition .disk N }}` and `{{- if eq .var "x" }}…{{- else }}…{{- end }}`.
 * Enough to prove each template renders into a workflow definition for real hardware maps.
 */
export function renderTemplate(text: string, values: Record<string, string>): string {
  const value = (name: string) => {
    const found = values[name];
    if (found === undefined)
      throw new Error(`template uses .${name}, which the Workflow does not set`);
    return found;
  };
  const conditionals =
    /\{\{-? if eq \.(\w+) "([^"]*)" -?\}\}([\s\S]*?)\{\{-? else -?\}\}([\s\S]*?)\{\{-? end -?\}\}/g;
  const trimmed = text.replace(/\s*\{\{-/g, "{{-");
  return trimmed
    .replace(
      conditionals,
      (_all, name: string, expected: string, then: string, otherwise: string) =>
        value(name) === expected ? then : otherwise,
    )
    .replace(
      /\{\{-? formatPartition \.(\w+) (\d+) -?\}\}/g,
      (_all, name: string, partition: string) => {
        const disk = value(name);
        return /[0-9]$/.test(disk) ? `${disk}p${partition}` : `${disk}${partition}`;
      },
    )
    .replace(/\{\{-? ?\.(\w+) ?-?\}\}/g, (_all, name: string) => value(name));
}
