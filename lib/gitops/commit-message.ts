import type { GitIdentity } from "./git-env";

const subjectLimit = 100;

/** One line of plain text: control characters become spaces, runs collapse, length is bounded. */
export function oneLine(text: string, limit = subjectLimit): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1).trimEnd()}…`;
}

/**
 * Subject, blank line, trailers. The subject is one line, so whatever a person typed (even
 * "Foundry-Request: x") stays in the first paragraph, where Git never reads trailers.
 */
export function commitMessage(input: {
  summary: string;
  action: string;
  requestId: string;
}): string {
  return `${oneLine(input.summary)}\n\nFoundry-Action: ${input.action}\nFoundry-Request: ${input.requestId}\n`;
}

/** Git drops `<`, `>` and newlines from identities; drop them first so what we store is what Git stores. */
export function identity(person: GitIdentity): GitIdentity {
  const clean = (text: string) => oneLine(text, 200).replace(/[<>]/g, "");
  return { name: clean(person.name) || "unknown", email: clean(person.email) };
}
