import type { ReactNode } from "react";

export const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/** A labelled control with the messages its field got, from the form or from the server. */
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
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? <p className="mt-0.5 text-xs text-zinc-500">{hint}</p> : null}
      {errors && errors.length > 0 ? (
        <div id={`${id}-error`} className="mt-0.5 text-xs text-red-700 dark:text-red-300">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
