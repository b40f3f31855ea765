import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { hasRole, type Actor, type Role } from "@/lib/actor";
import { markGuarded } from "@/lib/auth/guard-registry";
import { requestActor } from "@/lib/auth/session";
import { storageFailureOf } from "@/lib/storage-failure";
import { fieldsOf, isDomainError, type DomainErrorKind, type FieldIssues } from "@/lib/errors";
import { fieldIssues } from "@/lib/field-issues";

export type ActionFailure = {
  ok: false;
  code: "unauthenticated" | DomainErrorKind | "internal";
  error: string;
  fields?: FieldIssues;
};
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

type Handler<S extends z.ZodType, T> = (args: { actor: Actor; input: z.output<S> }) => Promise<T>;

/**
 * Server actions are built here and nowhere else: the session and role are checked before
 * anything else, then the input is parsed with its zod schema, then the verb runs.
 */
function actionClient(role: Role) {
  return {
    inputSchema<S extends z.ZodType>(schema: S) {
      return {
        action<T>(handler: Handler<S, T>): (input: unknown) => Promise<ActionResult<T>> {
          const guarded = async (input: unknown): Promise<ActionResult<T>> => {
            const state = await requestActor();
            if (state.kind !== "signed-in") {
              return { ok: false, code: "unauthenticated", error: "Sign in first" };
            }
            if (!hasRole(state.actor, role)) {
              return { ok: false, code: "forbidden", error: `This needs the ${role} role` };
            }
            const parsed = schema.safeParse(input instanceof FormData ? formObject(input) : input);
            if (!parsed.success) return invalid(parsed.error);
            try {
              return { ok: true, data: await handler({ actor: state.actor, input: parsed.data }) };
            } catch (error) {
              unstable_rethrow(error);
              return failure(error);
            }
          };
          return markGuarded(guarded, role);
        },
      };
    },
  };
}

export const viewerAction = actionClient("viewer");
export const operatorAction = actionClient("operator");
export const adminAction = actionClient("admin");

function formObject(form: FormData): Record<string, FormDataEntryValue> {
  const entries = [...form.entries()].filter(([name]) => !name.startsWith("$ACTION"));
  return Object.fromEntries(entries);
}

function invalid(error: z.ZodError): ActionFailure {
  return {
    ok: false,
    code: "invalid",
    error: "Some fields need attention",
    fields: fieldIssues(error),
  };
}

function failure(thrown: unknown): ActionFailure {
  const error = storageFailureOf(thrown) ?? thrown;
  if (isDomainError(error)) {
    const fields = fieldsOf(error);
    return { ok: false, code: error.kind, error: error.message, ...(fields ? { fields } : {}) };
  }
  console.error("unexpected error in a server action", error);
  return { ok: false, code: "internal", error: "Internal error" };
}
