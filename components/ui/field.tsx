"use client";

import { cloneElement, isValidElement, type ReactNode } from "react";
import { useField } from "react-aria";

type Described = {
  "aria-describedby"?: string;
  "aria-labelledby"?: string;
  "aria-invalid"?: boolean;
};

/**
 * A labelled control with the messages its field got, from the form or from the server. React
 * Aria's field ties the label, the hint and the messages to the control, so a screen reader reads
 * the message with the field and not only in the summary; the control is also told it is invalid.
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
  const invalid = errors !== undefined && errors.length > 0;
  const { labelProps, fieldProps, descriptionProps, errorMessageProps } = useField({
    id,
    label,
    description: hint,
    errorMessage: invalid ? errors.join(" ") : undefined,
    isInvalid: invalid,
  });
  const control = isValidElement<Described>(children)
    ? cloneElement(children, {
        "aria-labelledby": fieldProps["aria-labelledby"],
        "aria-describedby": fieldProps["aria-describedby"],
        "aria-invalid": invalid ? true : undefined,
      })
    : children;
  return (
    <div>
      <label {...labelProps} className="block text-sm font-medium">
        {label}
      </label>
      {control}
      {hint ? (
        <p {...descriptionProps} className="mt-0.5 text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <div
          {...errorMessageProps}
          data-testid={`${id}-error`}
          className="mt-0.5 text-xs text-red-700 dark:text-red-300"
        >
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
