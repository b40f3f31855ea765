import { evaluate, evaluateJson, expressionOf, modulePath, type Scope } from "./hcl-eval";
import type { Expr, Value } from "./hcl-expr";
import { preconditionsOf, validationsOf, type TerraformModule } from "./terraform-module";

export type Inputs = Record<string, Value>;

// What Terraform would know at plan time besides the variables: data sources read from OCI
// (`data`), other resources' attributes (`random_password`, `module`), stubbed by the test.
export type World = Record<string, Value>;

const noScope: Scope = {
  lookup: (name) => {
    throw new Error(`${name} is not available here`);
  },
};

function isObject(v: Value): v is { [key: string]: Value } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// Terraform's type conversion, as far as the guard needs it: optional(type, default) fills in
// missing object attributes, list/map recurse, primitives are checked.
export function applyType(type: Expr, value: Value, at: string): Value {
  if (type.t === "var") {
    const ok = {
      string: typeof value === "string",
      number: typeof value === "number",
      bool: typeof value === "boolean",
      any: true,
    }[type.name];
    if (ok === undefined) throw new Error(`${at}: type ${type.name} is not supported`);
    if (!ok && value !== null)
      throw new Error(`${at}: expected ${type.name}, got ${JSON.stringify(value)}`);
    return value;
  }
  if (type.t !== "call") throw new Error(`${at}: unsupported type expression`);
  const [inner] = type.args;
  if (!inner) throw new Error(`${at}: ${type.name}() without an argument`);
  switch (type.name) {
    case "optional":
      return applyType(inner, value, at);
    case "list":
    case "set":
      if (!Array.isArray(value)) throw new Error(`${at}: expected a list`);
      return value.map((v, i) => applyType(inner, v, `${at}[${i}]`));
    case "map":
      if (!isObject(value)) throw new Error(`${at}: expected a map`);
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, applyType(inner, v, `${at}.${k}`)]),
      );
    case "object": {
      if (!isObject(value) || inner.t !== "object") throw new Error(`${at}: expected an object`);
      const out: { [key: string]: Value } = {};
      for (const [keyExpr, attrType] of inner.entries) {
        const key = String(evaluate(keyExpr, noScope));
        const given = value[key];
        if (given !== undefined) out[key] = applyType(attrType, given, `${at}.${key}`);
        else if (attrType.t === "call" && attrType.name === "optional") {
          const def = attrType.args[1];
          out[key] = def ? applyType(attrType, evaluate(def, noScope), `${at}.${key}`) : null;
        } else throw new Error(`${at}: attribute ${key} is required`);
      }
      return out;
    }
    default:
      throw new Error(`${at}: type ${type.name} is not supported`);
  }
}

function moduleScope(mod: TerraformModule, inputs: Inputs, world: World): Scope {
  const vars: { [key: string]: Value } = {};
  for (const [name, def] of mod.variables) {
    const raw = inputs[name] ?? ("default" in def ? evaluateJson(def.default, noScope) : undefined);
    if (raw === undefined) throw new Error(`variable ${name} has no value`);
    vars[name] =
      def.type === undefined ? raw : applyType(expressionOf(def.type), raw, `var.${name}`);
  }
  const cache = new Map<string, Value>();
  const evaluating = new Set<string>();
  const scope: Scope = {
    lookup(name) {
      if (name === "var") return vars;
      if (name === "path") return modulePath(mod.dir);
      if (name === "local") return locals;
      const known = world[name];
      if (known !== undefined) return known;
      throw new Error(`${name} is not known to the test evaluator`);
    },
  };
  // Locals are evaluated on first use, as Terraform's graph would order them.
  const locals = new Proxy<{ [key: string]: Value }>(
    {},
    {
      has: (_t, key) => typeof key === "string" && mod.locals.has(key),
      get(_t, key) {
        if (typeof key !== "string" || !mod.locals.has(key)) return undefined;
        const hit = cache.get(key);
        if (hit !== undefined) return hit;
        if (evaluating.has(key)) throw new Error(`local.${key} refers to itself`);
        evaluating.add(key);
        const value = evaluateJson(mod.locals.get(key), scope);
        evaluating.delete(key);
        cache.set(key, value);
        return value;
      },
    },
  );
  return scope;
}

function check(
  condition: unknown,
  message: unknown,
  scope: Scope,
  where: string,
): string | undefined {
  try {
    const ok = evaluate(expressionOf(condition), scope);
    if (ok === true) return undefined;
    return `${where}: ${String(evaluateJson(message, scope))}`;
  } catch (error) {
    return `${where}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

// Every variable validation and every resource precondition of the module, evaluated for the
// given inputs: the messages Terraform would stop `plan` with.
export function guardFailures(mod: TerraformModule, inputs: Inputs, world: World = {}): string[] {
  const scope = moduleScope(mod, inputs, world);
  const failures: string[] = [];
  for (const [name, def] of mod.variables) {
    for (const v of validationsOf(def)) {
      const failure = check(v.condition, v.error_message, scope, `var.${name}`);
      if (failure) failures.push(failure);
    }
  }
  for (const [address, resource] of mod.resources) {
    for (const p of preconditionsOf(resource)) {
      const failure = check(p.condition, p.error_message, scope, address);
      if (failure) failures.push(failure);
    }
  }
  return failures;
}

// One argument of a block (e.g. "module.workers", "provider.oci") as Terraform would evaluate
// it; `eachKey` picks the instance of a for_each block, whose for_each is evaluated too.
export function blockArgument(
  mod: TerraformModule,
  inputs: Inputs,
  world: World,
  address: string,
  argument: string,
  eachKey?: string,
): Value {
  const block = mod.blocks.get(address) ?? mod.resources.get(address);
  if (!block) throw new Error(`${address} is not in the module`);
  if (!(argument in block)) throw new Error(`${address} has no argument ${argument}`);
  let scope = moduleScope(mod, inputs, world);
  if (eachKey !== undefined) {
    const all = evaluateJson(block.for_each, scope);
    if (!isObject(all) || !(eachKey in all))
      throw new Error(`${address} has no instance ${eachKey}`);
    const each: Value = { key: eachKey, value: all[eachKey] ?? null };
    const outer = scope;
    scope = { lookup: (name) => (name === "each" ? each : outer.lookup(name)) };
  }
  return evaluateJson(block[argument], scope);
}

// The unevaluated expression of an argument, for tests that look inside a call (templatefile).
export function argumentExpression(mod: TerraformModule, address: string, argument: string): Expr {
  const block = mod.blocks.get(address) ?? mod.resources.get(address);
  if (!block || !(argument in block))
    throw new Error(`${address}.${argument} is not in the module`);
  return expressionOf(block[argument]);
}

export function evaluateExpression(
  mod: TerraformModule,
  inputs: Inputs,
  world: World,
  expr: Expr,
): Value {
  return evaluate(expr, moduleScope(mod, inputs, world));
}
