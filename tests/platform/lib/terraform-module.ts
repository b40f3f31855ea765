import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "@cdktf/hcl2json";

type Json = { [key: string]: unknown };

export interface TerraformModule {
  dir: string;
  variables: Map<string, Json>;
  locals: Map<string, unknown>;
  resources: Map<string, Json>;
  // "data.TYPE.NAME", "module.NAME", "provider.NAME" and "output.NAME", as hcl2json writes them.
  blocks: Map<string, Json>;
  raw: Json[];
}

function isJson(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function blocks(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isJson) : [];
}

export async function parseHcl(file: string): Promise<Json> {
  const out: unknown = await parse(path.basename(file), readFileSync(file, "utf8"));
  if (!isJson(out)) throw new Error(`${file}: hcl2json returned no object`);
  return out;
}

export async function loadModule(dir: string): Promise<TerraformModule> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".tf"))
    .sort();
  const raw = await Promise.all(files.map((f) => parseHcl(path.join(dir, f))));
  const mod: TerraformModule = {
    dir,
    variables: new Map(),
    locals: new Map(),
    resources: new Map(),
    blocks: new Map(),
    raw,
  };
  for (const doc of raw) {
    if (isJson(doc.variable)) {
      for (const [name, defs] of Object.entries(doc.variable)) {
        const [def] = blocks(defs);
        if (def) mod.variables.set(name, def);
      }
    }
    for (const block of blocks(doc.locals)) {
      for (const [name, value] of Object.entries(block)) mod.locals.set(name, value);
    }
    if (isJson(doc.resource)) {
      for (const [type, byName] of Object.entries(doc.resource)) {
        if (!isJson(byName)) continue;
        for (const [name, defs] of Object.entries(byName)) {
          const [def] = blocks(defs);
          if (def) mod.resources.set(`${type}.${name}`, def);
        }
      }
    }
    if (isJson(doc.data)) {
      for (const [type, byName] of Object.entries(doc.data)) {
        if (!isJson(byName)) continue;
        for (const [name, defs] of Object.entries(byName)) {
          const [def] = blocks(defs);
          if (def) mod.blocks.set(`data.${type}.${name}`, def);
        }
      }
    }
    for (const kind of ["module", "provider", "output"] as const) {
      const byName = doc[kind];
      if (!isJson(byName)) continue;
      for (const [name, defs] of Object.entries(byName)) {
        const [def] = blocks(defs);
        if (def) mod.blocks.set(`${kind}.${name}`, def);
      }
    }
  }
  return mod;
}

export function preconditionsOf(resource: Json): Json[] {
  return blocks(resource.lifecycle).flatMap((l) => blocks(l.precondition));
}

export function validationsOf(variable: Json): Json[] {
  return blocks(variable.validation);
}
