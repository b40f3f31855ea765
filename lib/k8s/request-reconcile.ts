import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { auditJournal } from "@/lib/audit/journal";
import type { AuditLog } from "@/lib/audit/types";
import { hasRole, type Actor } from "@/lib/auth/actor";
import { ForbiddenError, InvalidError, NotFoundError, UnavailableError } from "@/lib/errors";
import { cluster } from "@/lib/k8s/cluster";
import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { fluxKindKeys } from "@/lib/k8s/kinds";
import { reconcileAnnotation } from "@/lib/k8s/views/reshape-flux";
import { KubeStatusError } from "@/lib/k8s/watch/kind-source";

export const requestReconcileSchema = z.object({
  kind: z.enum(fluxKindKeys),
  namespace: z.string().min(1).max(253).regex(/^[a-z0-9.-]+$/),
  name: z.string().min(1).max(253).regex(/^[a-z0-9.-]+$/),
});

/**
 * "Reconcile now" for a Flux object: the `reconcile.fluxcd.io/requestedAt` annotation, as the
 * flux CLI sets it. The only write the console makes through the Kubernetes API.
 */
export async function requestReconcile(
  { actor, input }: { actor: Actor; input: unknown },
  deps: { watch?: ClusterWatch; audit?: AuditLog; now?: () => Date } = {},
): Promise<{ requestedAt: string }> {
  if (!hasRole(actor, "operator")) throw new ForbiddenError("Asking Flux to reconcile needs the operator role.");
  const parsed = requestReconcileSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("That is not a Flux object.");
  const { kind, namespace, name } = parsed.data;
  const watch = deps.watch ?? cluster();
  if (!watch.annotate) throw new UnavailableError("No cluster is connected.");
  if (!watch.stores[kind].get(name, namespace)) throw new NotFoundError(`No ${kind} ${namespace}/${name} in the cluster.`);
  const audit = deps.audit ?? auditJournal();
  const requestId = randomUUID();
  const requestedAt = (deps.now?.() ?? new Date()).toISOString();
  await audit.start({ requestId, actor, action: "reconcile-flux-object", target: `${namespace}/${name} (${kind})` });
  try {
    await watch.annotate(kind, namespace, name, { [reconcileAnnotation]: requestedAt });
  } catch (error) {
    const reason = error instanceof KubeStatusError ? error.message : "the cluster did not answer";
    await audit.finish(requestId, { status: "failed", error: reason });
    throw new UnavailableError(`Flux was not asked to reconcile: ${reason}.`, { cause: error });
  }
  await audit.finish(requestId, { status: "succeeded" });
  return { requestedAt };
}
