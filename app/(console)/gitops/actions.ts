"use server";

import { operatorAction } from "@/lib/auth/action-client";
import { requestReconcile, requestReconcileSchema } from "@/lib/k8s/request-reconcile";
import { sharedParts } from "@/lib/runtime/shared";

/** "Reconcile now" on a Flux object (the annotation the flux CLI sets). */
export const reconcileNow = operatorAction
  .inputSchema(requestReconcileSchema)
  .action(({ actor, input }) => requestReconcile({ actor, input }, sharedParts()));
