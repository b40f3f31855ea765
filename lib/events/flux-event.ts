import { createHash } from "node:crypto";
import { z } from "zod";
import { revisionSha } from "@/lib/k8s/views/revision";

/** The event Flux's notification-controller posts to a `generic-hmac` Provider. */
export const fluxEventSchema = z.object({
  involvedObject: z.object({
    kind: z.string().min(1).max(100),
    namespace: z.string().max(253).optional().default(""),
    name: z.string().min(1).max(253),
    uid: z.string().max(100).optional(),
    apiVersion: z.string().max(200).optional(),
  }),
  severity: z.enum(["info", "error", "trace"]),
  timestamp: z.iso.datetime({ offset: true }),
  message: z.string().max(64 * 1024),
  reason: z.string().min(1).max(256),
  metadata: z.record(z.string(), z.string()).optional().default({}),
  reportingController: z.string().min(1).max(253),
  reportingInstance: z.string().max(253).optional(),
});

export type FluxEvent = z.infer<typeof fluxEventSchema>;

/**
 * The revision the event is about. Flux ≥ 2 puts it in `metadata.revision` (`main@sha1:<sha>`);
 * older controllers used a group-prefixed key (`kustomize.toolkit.fluxcd.io/revision`) and the
 * `main/<sha>` form.
 */
export function fluxEventRevision(event: FluxEvent): string | null {
  const { metadata } = event;
  if (metadata.revision) return metadata.revision;
  const key = Object.keys(metadata).find((name) => name.endsWith("/revision"));
  return key ? (metadata[key] ?? null) : null;
}

export function fluxEventSha(event: FluxEvent): string | null {
  return revisionSha(fluxEventRevision(event));
}

/**
 * Flux retries a failed delivery with the same event: this key is equal for the retries and
 * different for any two distinct events (object, reason, revision, time, message).
 */
export function fluxDeliveryKey(event: FluxEvent): string {
  const { kind, namespace, name } = event.involvedObject;
  const parts = [
    kind,
    namespace,
    name,
    event.reason,
    event.severity,
    fluxEventRevision(event) ?? "",
    event.timestamp,
    event.message,
  ];
  return `flux:${createHash("sha256").update(JSON.stringify(parts)).digest("hex")}`;
}
