/**
 * When a Flux reconcile was asked for, from the `reconcile.fluxcd.io/requestedAt` token a
 * controller copies into `status.lastHandledReconcileAt`. Flux treats the token as opaque: the
 * console and the flux CLI write RFC 3339, notification-controller's Receiver writes Go's
 * `time.Time.String()` (`2026-12-04 04:56:08.773457043 +0000 UTC m=+26.449612788`). An ISO time,
 * or null for any other token.
 */
export function reconcileRequestTime(token: string | null | undefined): string | null {
  if (!token) return null;
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(token);
  const go = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ([+-]\d{2})(\d{2})(?: \S+)*$/.exec(
    token,
  );
  const text = rfc3339 ? token : go ? `${go[1]}T${go[2]}${go[3]}:${go[4]}` : null;
  const time = text === null ? Number.NaN : Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
