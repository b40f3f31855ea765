// A parser for the HCL expression subset the Terraform guard uses (infra/terraform/guard.tf,
// variables.tf): literals, templates, traversals, calls, tuples, objects, for expressions,
// unary/binary operators and the conditional. Anything else is a loud error, so a guard that
// grows past this subset fails its test instead of being skipped.

export type Expr =
  | { t: "lit"; value: Value }
  | { t: "template"; parts: (string | Expr)[] }
  | { t: "var"; name: string }
  | { t: "attr"; target: Expr; name: string }
  | { t: "index"; target: Expr; key: Expr }
  | { t: "call"; name: string; args: Expr[] }
  | { t: "tuple"; items: Expr[] }
  | { t: "object"; entries: [Expr, Expr][] }
  | {
      t: "for";
      kind: "tuple" | "object";
      keyVar?: string;
      valVar: string;
      coll: Expr;
      key?: Expr;
      body: Expr;
      cond?: Expr;
    }
  | { t: "unary"; op: string; arg: Expr }
  | { t: "binary"; op: string; left: Expr; right: Expr }
  | { t: "cond"; test: Expr; then: Expr; else: Expr };

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

type Token =
  | { k: "num"; v: number }
  | { k: "str"; parts: (string | Expr)[] }
  | { k: "id"; v: string }
  | { k: "p"; v: string }
  | { k: "eof" };

const puncts = [
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "...",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ".",
  ":",
  "?",
  "<",
  ">",
  "!",
  "+",
  "-",
  "*",
  "/",
  "%",
  "=",
];

// Finds the `}` closing an interpolation that starts at `start` (just after "${").
function interpolationEnd(src: string, start: number): number {
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (c === '"') {
      i = stringEnd(src, i + 1);
    } else if (c === "{") depth++;
    else if (c === "}") {
      if (depth === 0) return i;
      depth--;
    }
  }
  throw new Error(`unterminated interpolation in ${src}`);
}

function stringEnd(src: string, start: number): number {
  for (let i = start; i < src.length; i++) {
    if (src[i] === "\\") i++;
    else if (src[i] === '"') return i;
    else if (src.startsWith("${", i)) i = interpolationEnd(src, i + 2);
  }
  throw new Error(`unterminated string in ${src}`);
}

const escapes: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" };

// Template text: literal runs and ${...} interpolations. `quoted` means backslash escapes apply.
export function parseTemplate(src: string, quoted: boolean): (string | Expr)[] {
  const parts: (string | Expr)[] = [];
  let text = "";
  for (let i = 0; i < src.length; i++) {
    const c = src[i] ?? "";
    if (quoted && c === "\\") {
      text += escapes[src[i + 1] ?? ""] ?? src[i + 1] ?? "";
      i++;
    } else if (src.startsWith("$${", i)) {
      text += "${";
      i += 2;
    } else if (src.startsWith("%{", i)) {
      throw new Error(`template directives are not supported: ${src}`);
    } else if (src.startsWith("${", i)) {
      const end = interpolationEnd(src, i + 2);
      if (text) parts.push(text);
      text = "";
      parts.push(parseExpression(src.slice(i + 2, end)));
      i = end;
    } else {
      text += c;
    }
  }
  if (text) parts.push(text);
  return parts;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? "";
    if (/\s/.test(c)) {
      i++;
    } else if (c === "#" || src.startsWith("//", i)) {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(src.slice(i));
      const text = m?.[0] ?? c;
      out.push({ k: "num", v: Number(text) });
      i += text.length;
    } else if (c === '"') {
      const end = stringEnd(src, i + 1);
      out.push({ k: "str", parts: parseTemplate(src.slice(i + 1, end), true) });
      i = end + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
      const text = m?.[0] ?? c;
      out.push({ k: "id", v: text });
      i += text.length;
    } else {
      const p = puncts.find((q) => src.startsWith(q, i));
      if (!p) throw new Error(`unexpected "${c}" in ${src}`);
      out.push({ k: "p", v: p });
      i += p.length;
    }
  }
  out.push({ k: "eof" });
  return out;
}

const precedence: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
  "%": 6,
};

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly src: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.pos] ?? { k: "eof" };
  }
  private next(): Token {
    const t = this.peek();
    this.pos++;
    return t;
  }
  private isP(v: string): boolean {
    const t = this.peek();
    return t.k === "p" && t.v === v;
  }
  private isId(v: string): boolean {
    const t = this.peek();
    return t.k === "id" && t.v === v;
  }
  private expect(v: string): void {
    if (!this.isP(v)) throw new Error(`expected "${v}" in ${this.src}`);
    this.pos++;
  }
  private ident(): string {
    const t = this.next();
    if (t.k !== "id") throw new Error(`expected a name in ${this.src}`);
    return t.v;
  }

  parseAll(): Expr {
    const e = this.expression();
    if (this.peek().k !== "eof") throw new Error(`trailing tokens in ${this.src}`);
    return e;
  }

  expression(): Expr {
    const test = this.binary(1);
    if (!this.isP("?")) return test;
    this.pos++;
    const then = this.expression();
    this.expect(":");
    return { t: "cond", test, then, else: this.expression() };
  }

  private binary(min: number): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const prec = t.k === "p" ? precedence[t.v] : undefined;
      if (t.k !== "p" || prec === undefined || prec < min) return left;
      this.pos++;
      left = { t: "binary", op: t.v, left, right: this.binary(prec + 1) };
    }
  }

  private unary(): Expr {
    if (this.isP("!") || this.isP("-")) {
      const op = this.next();
      return { t: "unary", op: op.k === "p" ? op.v : "!", arg: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(start: Expr): Expr {
    let e = start;
    for (;;) {
      if (this.isP(".")) {
        this.pos++;
        const t = this.next();
        if (t.k === "id") e = { t: "attr", target: e, name: t.v };
        else if (t.k === "num") e = { t: "index", target: e, key: { t: "lit", value: t.v } };
        else throw new Error(`bad traversal in ${this.src}`);
      } else if (this.isP("[")) {
        this.pos++;
        if (this.isP("*")) throw new Error(`splat is not supported: ${this.src}`);
        const key = this.expression();
        this.expect("]");
        e = { t: "index", target: e, key };
      } else {
        return e;
      }
    }
  }

  private primary(): Expr {
    const t = this.next();
    if (t.k === "num") return { t: "lit", value: t.v };
    if (t.k === "str") return { t: "template", parts: t.parts };
    if (t.k === "id") {
      if (t.v === "true" || t.v === "false") return { t: "lit", value: t.v === "true" };
      if (t.v === "null") return { t: "lit", value: null };
      if (this.isP("(")) {
        this.pos++;
        const args: Expr[] = [];
        while (!this.isP(")")) {
          args.push(this.expression());
          if (this.isP(",")) this.pos++;
          else if (!this.isP(")")) throw new Error(`expected "," in ${this.src}`);
        }
        this.pos++;
        return { t: "call", name: t.v, args };
      }
      return { t: "var", name: t.v };
    }
    if (t.k === "p" && t.v === "(") {
      const e = this.expression();
      this.expect(")");
      return e;
    }
    if (t.k === "p" && t.v === "[") return this.isId("for") ? this.forExpr("tuple") : this.tuple();
    if (t.k === "p" && t.v === "{")
      return this.isId("for") ? this.forExpr("object") : this.object();
    throw new Error(`unexpected token in ${this.src}`);
  }

  private tuple(): Expr {
    const items: Expr[] = [];
    while (!this.isP("]")) {
      items.push(this.expression());
      if (this.isP(",")) this.pos++;
      else if (!this.isP("]")) throw new Error(`expected "," in ${this.src}`);
    }
    this.pos++;
    return { t: "tuple", items };
  }

  private object(): Expr {
    const entries: [Expr, Expr][] = [];
    while (!this.isP("}")) {
      const keyTok = this.peek();
      let key: Expr;
      if (keyTok.k === "id") {
        this.pos++;
        key = { t: "lit", value: keyTok.v };
      } else {
        key = this.expression();
      }
      if (this.isP("=") || this.isP(":")) this.pos++;
      else throw new Error(`expected "=" in ${this.src}`);
      entries.push([key, this.expression()]);
      if (this.isP(",")) this.pos++;
    }
    this.pos++;
    return { t: "object", entries };
  }

  private forExpr(kind: "tuple" | "object"): Expr {
    this.ident();
    const first = this.ident();
    let keyVar: string | undefined;
    let valVar = first;
    if (this.isP(",")) {
      this.pos++;
      keyVar = first;
      valVar = this.ident();
    }
    if (this.ident() !== "in") throw new Error(`expected "in" in ${this.src}`);
    const coll = this.expression();
    this.expect(":");
    let key: Expr | undefined;
    let body = this.expression();
    if (kind === "object") {
      this.expect("=>");
      key = body;
      body = this.expression();
      if (this.isP("...")) throw new Error(`grouping is not supported: ${this.src}`);
    }
    let cond: Expr | undefined;
    if (this.isId("if")) {
      this.pos++;
      cond = this.expression();
    }
    this.expect(kind === "tuple" ? "]" : "}");
    return { t: "for", kind, keyVar, valVar, coll, key, body, cond };
  }
}

export function parseExpression(src: string): Expr {
  return new Parser(tokenize(src), src).parseAll();
}
