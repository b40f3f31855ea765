import type { ReactNode } from "react";
import { hasRole } from "@/lib/actor";
import { currentActor } from "@/lib/auth/current-actor";

/** Operator controls for operators; viewers see why they are not there (the verbs refuse anyway). */
export async function OperatorOnly({
  children,
  quiet = false,
}: {
  children: ReactNode;
  quiet?: boolean;
}) {
  const actor = await currentActor();
  if (hasRole(actor, "operator")) return <>{children}</>;
  if (quiet) return null;
  return (
    <p role="note" className="text-sm text-zinc-600 dark:text-zinc-400">
      Changing servers needs the operator role; you are signed in as a {actor.role}.
    </p>
  );
}
