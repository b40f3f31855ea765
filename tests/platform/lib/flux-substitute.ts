// Flux's postBuild substitution (kustomize-controller, through fluxcd/pkg/kustomize): ${NAME},
// ${NAME:=default} and ${NAME:-default}. A NAME that is unset and has no default is reported, as
// Flux's strict substitution does, rather than silently replaced by "" (its lenient default).
const variable = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[=-]([^}]*))?\}/g;

export interface Substituted {
  text: string;
  unset: string[];
}

export function substitute(text: string, settings: Record<string, string>): Substituted {
  const unset: string[] = [];
  const out = text.replace(variable, (whole, name: string, fallback: string | undefined) => {
    const value = settings[name];
    if (value !== undefined && value !== "") return value;
    if (fallback !== undefined) return fallback;
    unset.push(name);
    return whole;
  });
  return { text: out, unset };
}

// An object opts out with this annotation (kustomize-controller's docs, "postBuild").
export function substitutionDisabled(object: { metadata?: unknown }): boolean {
  const metadata = object.metadata as { annotations?: Record<string, unknown> } | undefined;
  return metadata?.annotations?.["kustomize.toolkit.fluxcd.io/substitute"] === "disabled";
}

/** The substituted text alone; a NAME with neither a value nor a default stays as written. */
export function fluxSubstitute(text: string, settings: Record<string, string>): string {
  return substitute(text, settings).text;
}
