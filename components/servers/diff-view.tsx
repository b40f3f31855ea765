import clsx from "clsx";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** A unified diff, one line per row, coloured by what the line does. */
export function DiffView({ diff }: { diff: string }) {
  return (
    <ScrollRegion
      label="Diff that will be committed"
      className="max-h-96 rounded-md border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <pre data-testid="diff" className="p-3 text-xs leading-5">
        {diff.split("\n").map((line, index) => (
          <div
            key={index}
            className={clsx(
              line.startsWith("+") &&
                !line.startsWith("+++") &&
                "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
              line.startsWith("-") &&
                !line.startsWith("---") &&
                "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
              line.startsWith("@@") && "text-sky-700 dark:text-sky-300",
              (line.startsWith("diff ") || line.startsWith("+++") || line.startsWith("---")) &&
                "font-semibold",
            )}
          >
            {line || " "}
          </div>
        ))}
      </pre>
    </ScrollRegion>
  );
}
