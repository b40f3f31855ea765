/**
 * A Flux revision and the commit sha in it. Flux ≥ 2.0 writes `main@sha1:<sha>` (or `sha256:` for
 * OCI digests); older controllers wrote `main/<sha>`, and some places hold the bare sha.
 */
export type Revision = { raw: string; ref: string | null; sha: string | null };

export function parseRevision(raw: string | null | undefined): Revision | null {
  if (!raw) return null;
  const current = /^(?:(.+)@)?sha1:([0-9a-f]{40})$/i.exec(raw);
  if (current) return { raw, ref: current[1] ?? null, sha: (current[2] ?? "").toLowerCase() };
  const legacy = /^(.+)\/([0-9a-f]{40})$/i.exec(raw);
  if (legacy) return { raw, ref: legacy[1] ?? null, sha: (legacy[2] ?? "").toLowerCase() };
  if (/^[0-9a-f]{40}$/i.test(raw)) return { raw, ref: null, sha: raw.toLowerCase() };
  return { raw, ref: null, sha: null };
}

/** The commit sha a revision names, if it names one. */
export function revisionSha(raw: string | null | undefined): string | null {
  return parseRevision(raw)?.sha ?? null;
}
