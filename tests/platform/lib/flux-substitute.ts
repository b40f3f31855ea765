/**
 * Flux's postBuild substitution as our tree uses it: `${NAME}`, `${NAME:=default}` and
 * `${NAME:-default}`. A name with neither a value nor a default stays as written, so a check
 * downstream sees it.
 */
export function fluxSubstitute(text: string, values: Record<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[=-]([^}]*))?\}/g,
    (whole, name: string, fallback: string | undefined) => values[name] ?? fallback ?? whole,
  );
}
