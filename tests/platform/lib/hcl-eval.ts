import { readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parseExpression, parseTemplate, type Expr, type Value } from "./hcl-expr";

export interface Scope {
  lookup(name: string): Value;
}

function isObject(v: Value): v is { [key: string]: Value } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function list(v: Value, fn: string): Value[] {
  if (!Array.isArray(v)) throw new Error(`${fn}: expected a list, got ${JSON.stringify(v)}`);
  return v;
}

function num(v: Value, op: string): number {
  if (typeof v !== "number") throw new Error(`${op}: expected a number, got ${JSON.stringify(v)}`);
  return v;
}

function str(v: Value): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw new Error(`cannot use ${JSON.stringify(v)} as a string`);
}

// Go's RE2 and JavaScript agree on the patterns the guard uses (anchors, classes, repeats).
function goRegex(pattern: string): RegExp {
  return new RegExp(pattern);
}

const functions: Record<string, (...args: Value[]) => Value> = {
  alltrue: (l) => list(l, "alltrue").every((v) => v === true),
  anytrue: (l) => list(l, "anytrue").some((v) => v === true),
  contains: (l, v) => list(l, "contains").some((x) => isDeepStrictEqual(x, v)),
  length: (v) =>
    typeof v === "string"
      ? v.length
      : Array.isArray(v)
        ? v.length
        : isObject(v)
          ? Object.keys(v).length
          : num(v, "length"),
  sum: (l) => {
    const items = list(l, "sum");
    if (items.length === 0) throw new Error("sum: cannot sum an empty list");
    return items.reduce<number>((a, b) => a + num(b, "sum"), 0);
  },
  concat: (...ls) => ls.flatMap((l) => list(l, "concat")),
  merge: (...os) =>
    Object.assign({}, ...os.filter((o) => o !== null).map((o) => (isObject(o) ? o : {}))),
  join: (sep, l) => list(l, "join").map(str).join(str(sep)),
  split: (sep, s) => str(s).split(str(sep)),
  max: (...ns) => Math.max(...ns.map((n) => num(n, "max"))),
  min: (...ns) => Math.min(...ns.map((n) => num(n, "min"))),
  keys: (o) => (isObject(o) ? Object.keys(o).sort() : []),
  startswith: (s, p) => str(s).startsWith(str(p)),
  endswith: (s, p) => str(s).endsWith(str(p)),
  // Terraform's indent: every line but the first gets the spaces.
  indent: (n, s) => str(s).replace(/\n(?=.)/g, `\n${" ".repeat(num(n, "indent"))}`),
  lower: (s) => str(s).toLowerCase(),
  // Terraform's coalesce: the first argument that is neither null nor "".
  coalesce: (...vs) => {
    const hit = vs.find((v) => v !== null && v !== "");
    if (hit === undefined) throw new Error("coalesce: no non-null, non-empty argument");
    return hit;
  },
  trimprefix: (s, p) => (str(s).startsWith(str(p)) ? str(s).slice(str(p).length) : str(s)),
  regex: (p, s) => {
    const m = goRegex(str(p)).exec(str(s));
    if (!m) throw new Error(`regex: no match for ${str(p)}`);
    return m[0];
  },
  lookup: (m, k, d) => {
    if (!isObject(m)) throw new Error("lookup: expected a map");
    const hit = m[str(k)];
    if (hit !== undefined) return hit;
    if (d === undefined) throw new Error(`lookup: no key ${str(k)} and no default`);
    return d;
  },
  flatten: (l) => list(l, "flatten").flatMap((v) => (Array.isArray(v) ? v : [v])),
  // A set's iteration order is its sorted order, which is all the evaluated expressions rely on.
  toset: (l) => [...new Set(list(l, "toset").map(str))].sort(),
  tonumber: (v) => {
    const n = typeof v === "number" ? v : Number(str(v));
    if (Number.isNaN(n)) throw new Error(`tonumber: ${JSON.stringify(v)} is not a number`);
    return n;
  },
  file: (p) => readFileSync(str(p), "utf8"),
  // Renders with only the given variables in scope, as Terraform's templatefile does.
  templatefile: (p, vars) => {
    if (!isObject(vars)) throw new Error("templatefile: expected an object of variables");
    const scope: Scope = {
      lookup: (name) => {
        const v = vars[name];
        if (v === undefined) throw new Error(`templatefile: variable ${name} is not passed`);
        return v;
      },
    };
    return parseTemplate(readFileSync(str(p), "utf8"), false)
      .map((part) => (typeof part === "string" ? part : str(evaluate(part, scope))))
      .join("");
  },
  jsondecode: (s) => JSON.parse(str(s)) as Value,
  tostring: (v) => str(v),
};

export function evaluate(expr: Expr, scope: Scope): Value {
  switch (expr.t) {
    case "lit":
      return expr.value;
    case "template": {
      const [only] = expr.parts;
      if (expr.parts.length === 1 && only !== undefined && typeof only !== "string")
        return evaluate(only, scope);
      return expr.parts.map((p) => (typeof p === "string" ? p : str(evaluate(p, scope)))).join("");
    }
    case "var":
      return scope.lookup(expr.name);
    case "attr": {
      const target = evaluate(expr.target, scope);
      if (!isObject(target) || !(expr.name in target))
        throw new Error(`unknown attribute ${expr.name}`);
      return target[expr.name] ?? null;
    }
    case "index": {
      const target = evaluate(expr.target, scope);
      const key = evaluate(expr.key, scope);
      const found = Array.isArray(target)
        ? target[num(key, "index")]
        : isObject(target)
          ? target[str(key)]
          : undefined;
      if (found === undefined) throw new Error(`index ${JSON.stringify(key)} out of range`);
      return found;
    }
    case "call": {
      if (expr.name === "can") {
        try {
          expr.args.forEach((a) => evaluate(a, scope));
          return true;
        } catch {
          return false;
        }
      }
      const fn = functions[expr.name];
      if (!fn) throw new Error(`function ${expr.name} is not known to the test evaluator`);
      return fn(...expr.args.map((a) => evaluate(a, scope)));
    }
    case "tuple":
      return expr.items.map((i) => evaluate(i, scope));
    case "object":
      return Object.fromEntries(
        expr.entries.map(([k, v]) => [str(evaluate(k, scope)), evaluate(v, scope)]),
      );
    case "for":
      return evaluateFor(expr, scope);
    case "unary": {
      const v = evaluate(expr.arg, scope);
      if (expr.op === "!") {
        if (typeof v !== "boolean") throw new Error("!: expected a bool");
        return !v;
      }
      return -num(v, "-");
    }
    case "binary":
      return binary(expr.op, expr.left, expr.right, scope);
    case "cond": {
      const test = evaluate(expr.test, scope);
      if (typeof test !== "boolean") throw new Error("condition must be a bool");
      return evaluate(test ? expr.then : expr.else, scope);
    }
  }
}

function binary(op: string, l: Expr, r: Expr, scope: Scope): Value {
  if (op === "&&" || op === "||") {
    const left = evaluate(l, scope);
    if (typeof left !== "boolean") throw new Error(`${op}: expected a bool`);
    if (op === "&&" ? !left : left) return left;
    const right = evaluate(r, scope);
    if (typeof right !== "boolean") throw new Error(`${op}: expected a bool`);
    return right;
  }
  const a = evaluate(l, scope);
  const b = evaluate(r, scope);
  switch (op) {
    case "==":
      return isDeepStrictEqual(a, b);
    case "!=":
      return !isDeepStrictEqual(a, b);
    case "<":
      return num(a, op) < num(b, op);
    case "<=":
      return num(a, op) <= num(b, op);
    case ">":
      return num(a, op) > num(b, op);
    case ">=":
      return num(a, op) >= num(b, op);
    case "+":
      return num(a, op) + num(b, op);
    case "-":
      return num(a, op) - num(b, op);
    case "*":
      return num(a, op) * num(b, op);
    case "/":
      return num(a, op) / num(b, op);
    case "%":
      return num(a, op) % num(b, op);
    default:
      throw new Error(`operator ${op} is not supported`);
  }
}

function evaluateFor(expr: Extract<Expr, { t: "for" }>, scope: Scope): Value {
  const coll = evaluate(expr.coll, scope);
  const pairs: [Value, Value][] = Array.isArray(coll)
    ? coll.map((v, i) => [i, v])
    : isObject(coll)
      ? Object.entries(coll)
      : [];
  const tuple: Value[] = [];
  const object: { [key: string]: Value } = {};
  for (const [k, v] of pairs) {
    const inner: Scope = {
      lookup: (name) => (name === expr.valVar ? v : name === expr.keyVar ? k : scope.lookup(name)),
    };
    if (expr.cond && evaluate(expr.cond, inner) !== true) continue;
    if (expr.kind === "tuple") tuple.push(evaluate(expr.body, inner));
    else
      object[str(evaluate(expr.key ?? { t: "lit", value: null }, inner))] = evaluate(
        expr.body,
        inner,
      );
  }
  return expr.kind === "tuple" ? tuple : object;
}

// hcl2json writes every expression as a "${...}" string inside plain JSON.
export function evaluateJson(value: unknown, scope: Scope): Value {
  if (typeof value === "string")
    return evaluate({ t: "template", parts: parseTemplate(value, false) }, scope);
  if (Array.isArray(value)) return value.map((v) => evaluateJson(v, scope));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateJson(v, scope)]));
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null) return value;
  throw new Error(`cannot evaluate ${String(value)}`);
}

export function expressionOf(value: unknown): Expr {
  if (typeof value !== "string")
    throw new Error(`expected an expression, got ${JSON.stringify(value)}`);
  const parts = parseTemplate(value, false);
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && typeof only !== "string") return only;
  return { t: "template", parts };
}

export function modulePath(dir: string): Value {
  return { module: path.resolve(dir), root: path.resolve(dir), cwd: process.cwd() };
}
