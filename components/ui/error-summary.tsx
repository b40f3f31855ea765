import type { FieldIssues } from "@/lib/errors";

export type FieldPlace = { label: string; id: string };

/**
 * Above a form: how many fields need attention and which, each a link to its field, in the
 * person's words (the field's label), not the path the server named it by.
 */
export function ErrorSummary({
  fields,
  placeOf,
}: {
  fields: FieldIssues;
  placeOf: (path: string) => FieldPlace | undefined;
}) {
  const items = Object.entries(fields).flatMap(([path, messages]) => {
    const place = placeOf(path);
    return place ? [{ ...place, messages }] : [];
  });
  if (items.length === 0) return null;
  return (
    <div
      role="alert"
      data-testid="error-summary"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-medium">
        {items.length === 1 ? "1 field needs" : `${items.length} fields need`} attention:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {items.map((item) => (
          <li key={item.id}>
            <a className="underline" href={`#${item.id}`}>
              {item.label}
            </a>
            : {item.messages.join("; ")}
          </li>
        ))}
      </ul>
    </div>
  );
}
