import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/actor";
import type { Context } from "@/lib/context";
import { NotFoundError, UnavailableError } from "@/lib/errors";
import { fluxKindKeys } from "@/lib/k8s/kinds";
import { reconcileAnnotation } from "@/lib/k8s/views/reshape-flux";
import { KubeStatusError } from "@/lib/k8s/watch/kind-source";
import { audited, parseInput, requireRole } from "@/lib/verb";

export const requestReconcileSchema = z.object({
  kind: z.enum(fluxKindKeys),
  namespace: z
    .string()
    .min(1)
    .max(253)
    .regex(/^[a-z0-9.-]+$/),
  name: z
    .string()
    .min(1)
    .max(253)
    .regex(/^[a-z0-9.-]+$/),
});

export type RequestReconcileDeps = Pick<Context, "cluster" | "audit" | "now">;

/**
 * "Reconcile now" for a Flux object: the `reconcile.fluxcd.io/requestedAt` annotation, as the
 * flux CLI sets it. The only write the console makes through the Kubernetes API.
 */
export async function requestReconcile(
  { actor, input }: { actor: Actor; input: unknown },
  deps: RequestReconcileDeps,
): Promise<{ requestedAt: string }> {
  requireRole(actor, "operator", "Asking Flux to reconcile");
  const { kind, namespace, name } = parseInput(
    requestReconcileSchema,
    input,
    () => "That is not a Flux object.",
  );
  const annotate = deps.cluster.annotate;
  if (!annotate) throw new UnavailableError("No cluster is connected.");
  if (!deps.cluster.stores[kind].get(name, namespace))
    throw new NotFoundError(`No ${kind} ${namespace}/${name} in the cluster.`);
  const requestedAt = deps.now().toISOString();
  await audited(
    deps.audit,
    { actor, action: "reconcile-flux-object", target: `${namespace}/${name} (${kind})` },
    async () => {
      try {
        await annotate(kind, namespace, name, { [reconcileAnnotation]: requestedAt });
      } catch (error) {
        const reason =
          error instanceof KubeStatusError ? error.message : "the cluster did not answer";
        throw new UnavailableError(`Flux was not asked to reconcile: ${reason}.`, { cause: error });
      }
    },
  );
  return { requestedAt };
}
