import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Everything under app/ (and lib/, components/) that a request can reach, found on disk. */
export type Entry = { file: string; urlPath: string };

const root = path.resolve(import.meta.dirname, "..", "..");

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "node_modules" || entry.name === "generated" ? [] : walk(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

/** The URL a file under app/ answers: route groups vanish, dynamic segments get sample values. */
export function urlPathOf(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"))
    .flatMap((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return [];
      if (/^\[\.\.\..+\]$/.test(segment)) return ["sample", "path"];
      if (/^\[.+\]$/.test(segment)) return ["sample"];
      return [segment];
    });
  return `/${segments.join("/")}`;
}

export function routeHandlers(): Entry[] {
  return walk("app")
    .filter((file) => /(^|\/)route\.tsx?$/.test(file))
    .map((file) => ({ file, urlPath: urlPathOf(file) }));
}

export function pages(): Entry[] {
  return walk("app")
    .filter((file) => /(^|\/)page\.tsx?$/.test(file))
    .map((file) => ({ file, urlPath: urlPathOf(file) }));
}

const directive = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/;

/** Files whose first statement is "use server": every export is a server action. */
export function serverActionFiles(): Entry[] {
  return ["app", "lib", "components"]
    .flatMap(walk)
    .filter((file) => directive.test(readFileSync(path.join(root, file), "utf8")))
    .map((file) => ({
      file,
      urlPath: file.startsWith("app/") ? urlPathOf(file) : "(not a route)",
    }));
}

/** "use server" anywhere but a file's top: inline actions, which this inventory cannot call. */
export function inlineServerActions(): string[] {
  return ["app", "lib", "components"].flatMap(walk).filter((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const count = source.match(/["']use server["']/g)?.length ?? 0;
    return count > (directive.test(source) ? 1 : 0);
  });
}

export function modulePath(file: string): string {
  return path.join(root, file);
}
