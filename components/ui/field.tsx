import { cloneElement, isValidElement, type ReactNode } from "react";

export const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950";

type Described = { "aria-describedby"?: string; "aria-invalid"?: boolean };

/**
 * A labelled control with the messages its field got, from the form or from the server. The
 * control is told which of them describe it, and that it is invalid, so a screen reader reads
 * the message with the field and not only in the summary.
 */
export function Field({
  id,
  label,
  errors,
  hint,
  children,
}: {
  id: string;
  label: string;
  errors?: string[];
  hint?: string;
  children: ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors && errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter((part) => part !== undefined).join(" ");
  const control = isValidElement<Described>(children)
    ? cloneElement(children, {
        "aria-describedby": describedBy === "" ? undefined : describedBy,
        "aria-invalid": errorId ? true : undefined,
      })
    : children;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {control}
      {hint ? (
        <p id={hintId} className="mt-0.5 text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <div id={errorId} className="mt-0.5 text-xs text-red-700 dark:text-red-300">
          {errors?.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
