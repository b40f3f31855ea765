import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { repoRoot } from "./reference";

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string };
  [key: string]: unknown;
}

export interface ParsedFile {
  file: string;
  errors: string[];
  docs: unknown[];
}

const skipped = new Set([".terraform", "node_modules"]);

export function walk(dir: string, match: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, match));
    else if (match(entry.name)) out.push(full);
  }
  return out.sort();
}

export const isYaml = (name: string): boolean => /\.ya?ml$/.test(name);

export function yamlFiles(...roots: string[]): string[] {
  return roots.flatMap((root) => walk(path.join(repoRoot, root), isYaml));
}

export function parseFile(file: string): ParsedFile {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  const list = Array.isArray(docs) ? docs : [docs];
  return {
    file: path.relative(repoRoot, file),
    errors: list.flatMap((d) => d.errors.map((e) => e.message)),
    docs: list.map((d) => d.toJS()).filter((d) => d !== null && d !== undefined),
  };
}

export function isK8sObject(doc: unknown): doc is K8sObject {
  if (typeof doc !== "object" || doc === null) return false;
  const { apiVersion, kind, metadata } = doc as Record<string, unknown>;
  return (
    typeof apiVersion === "string" &&
    typeof kind === "string" &&
    typeof metadata === "object" &&
    metadata !== null
  );
}

export function manifestObjects(): { file: string; object: K8sObject }[] {
  return yamlFiles("manifests").flatMap((file) => {
    const parsed = parseFile(file);
    return parsed.docs.filter(isK8sObject).map((object) => ({ file: parsed.file, object }));
  });
}
