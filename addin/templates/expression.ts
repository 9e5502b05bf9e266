/**
 * Template rule expressions (`operatingIncome <= totalIncome`, `totalIncome == a + b - c`, `not eliminated or weakBaseline`).
 *
 * Parsing uses a restricted mathjs instance that only carries the parser (nothing can be imported, no units created,
 * no `evaluate`/`parse`/`simplify`/`derivative` reachable from inside an expression). The tree is then checked against
 * a small whitelist (numbers, booleans, column keys and numeric parameters, + - * / unary -, comparisons, and/or/not/xor,
 * `? :`, abs/min/max/round) and turned once into plain closures: each row is evaluated by calling them with a reused
 * scope (a RowScope read by place, or an object read by name), so there is no per-row parsing and no per-row allocation.
 *
 * Blank values are `null`: arithmetic or a comparison with a blank gives `null`, and a rule that evaluates to `null`
 * is not applicable to that row (the blank is reported by the `required` check instead).
 */
// The number-only build: the same parser, a third less to load (every CLI worker and the pane load it).
import { create, parseDependencies, type MathNode } from "mathjs/number";
import { functionDef } from "./expression-functions";

/** A value in an expression: a list comes from a list parameter or `[a, b, c]`, text from a text column or "…". */
export type ExprValue = number | boolean | string | null | readonly ExprValue[];
export type ScopeValue = string | number | boolean | null | readonly (string | number)[];
export type Scope = Record<string, ScopeValue>;
/**
 * A row's values by slot (Slots), what a template's row expressions are compiled to read: a rule reads a column as an
 * array element at a place fixed when it was compiled, where a scope object is read by name at every step — with as
 * many names as columns, a lookup through V8's megamorphic cache for each of the millions of cells of a province.
 */
export type RowScope = ScopeValue[];
/** Each symbol's place in a RowScope. */
export type Slots = ReadonlyMap<string, number>;
export type ExprFn = (scope: Scope | RowScope) => ExprValue;

const math = create({ parseDependencies });
const parseExpr = math.parse;
const disabled = (name: string) => () => {
  throw new Error(`Function ${name} is disabled`);
};
math.import(
  {
    import: disabled("import"),
    createUnit: disabled("createUnit"),
    evaluate: disabled("evaluate"),
    parse: disabled("parse"),
    simplify: disabled("simplify"),
    derivative: disabled("derivative"),
    resolve: disabled("resolve"),
  },
  { override: true },
);

export const COMPARISONS = ["<=", ">=", "<", ">", "==", "!="] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** Why an expression cannot be used; `kind` picks the message, `detail` names the offending part. */
export class ExpressionError extends Error {
  constructor(
    readonly kind: "syntax" | "unknown-symbol" | "unsupported" | "arity",
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = "ExpressionError";
  }
}

export interface CompiledExpression {
  source: string;
  /** Column keys and parameters the expression reads. */
  symbols: string[];
  /** The whole expression. */
  fn: ExprFn;
  /** When the top node is a comparison, its two sides (so a rule can compare with a tolerance). */
  compare?: { op: Comparison; left: ExprFn; right: ExprFn };
}

type AnyNode = MathNode & {
  type: string;
  name?: string;
  value?: unknown;
  op?: string;
  fn?: { name?: string } | string;
  args?: AnyNode[];
  content?: AnyNode;
  condition?: AnyNode;
  trueExpr?: AnyNode;
  falseExpr?: AnyNode;
  conditionals?: string[];
  params?: AnyNode[];
};

// Text and lists are not numbers or truth values: arithmetic or a test on them gives null (not applicable).
const num = (v: ExprValue): number | null => (typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : null);
const truthy = (v: ExprValue): boolean | null => (typeof v === "boolean" ? v : typeof v === "number" ? v !== 0 : null);

function arith(op: string, a: ExprFn, b: ExprFn): ExprFn {
  switch (op) {
    case "+":
      return (s) => { const x = num(a(s)), y = num(b(s)); return x === null || y === null ? null : x + y; };
    case "-":
      return (s) => { const x = num(a(s)), y = num(b(s)); return x === null || y === null ? null : x - y; };
    case "*":
      return (s) => { const x = num(a(s)), y = num(b(s)); return x === null || y === null ? null : x * y; };
    case "/":
      return (s) => { const x = num(a(s)), y = num(b(s)); return x === null || y === null || y === 0 ? null : x / y; };
  }
  throw new ExpressionError("unsupported", op);
}

/** A comparison with a tolerance (absolute): `a <= b` holds when a − b ≤ tol, `==` when |a − b| ≤ tol. */
export function compareWith(op: Comparison, x: number, y: number, tol: number): boolean {
  switch (op) {
    case "<=": return x - y <= tol;
    case ">=": return y - x <= tol;
    case "<": return x - y < tol && x < y + tol;
    case ">": return y - x < tol && x + tol > y;
    case "==": return Math.abs(x - y) <= tol;
    case "!=": return Math.abs(x - y) > tol;
  }
}

/** compareWith for one operator, chosen once (comparisons run for every row of every file). */
function comparator(op: Comparison, tol: number): (x: number, y: number) => boolean {
  switch (op) {
    case "<=": return (x, y) => x - y <= tol;
    case ">=": return (x, y) => y - x <= tol;
    case "<": return (x, y) => x - y < tol && x < y + tol;
    case ">": return (x, y) => y - x < tol && x + tol > y;
    case "==": return (x, y) => Math.abs(x - y) <= tol;
    case "!=": return (x, y) => Math.abs(x - y) > tol;
  }
}

function comparison(op: Comparison, a: ExprFn, b: ExprFn, tol: number): ExprFn {
  const eq = op === "==" || op === "!=";
  const negate = op === "!=";
  const cmp = comparator(op, tol);
  return (s) => {
    const va = a(s), vb = b(s);
    if (va === null || vb === null) return null;
    if (typeof va === "number" && typeof vb === "number") return cmp(va, vb);
    // 是/否 with 是/否, text with text ({述职方式} == "大会述职"): equal or not.
    if (eq && ((typeof va === "boolean" && typeof vb === "boolean") || (typeof va === "string" && typeof vb === "string"))) return (va === vb) !== negate;
    const x = num(va), y = num(vb);
    if (x === null || y === null || typeof va === "string" || typeof vb === "string") return null;
    return cmp(x, y);
  };
}

function build(node: AnyNode, known: ReadonlySet<string>, used: Set<string>, tol: number, slots: Slots | undefined): ExprFn {
  switch (node.type) {
    case "ConstantNode": {
      const v = node.value;
      if (typeof v === "number" || typeof v === "boolean" || typeof v === "string" || v === null) return () => v as ExprValue;
      throw new ExpressionError("unsupported", String(v));
    }
    case "SymbolNode": {
      const name = node.name!;
      if (!known.has(name)) throw new ExpressionError("unknown-symbol", name);
      used.add(name);
      const slot = slots?.get(name);
      if (slot !== undefined)
        return (s) => {
          const v = (s as RowScope)[slot];
          return v === undefined ? null : v;
        };
      return (s) => {
        const v = (s as Scope)[name];
        return v === undefined ? null : v;
      };
    }
    case "ParenthesisNode":
      return build(node.content!, known, used, tol, slots);
    case "ConditionalNode": {
      const c = build(node.condition!, known, used, tol, slots);
      const t = build(node.trueExpr!, known, used, tol, slots);
      const f = build(node.falseExpr!, known, used, tol, slots);
      return (s) => {
        const v = truthy(c(s));
        return v === null ? null : v ? t(s) : f(s);
      };
    }
    case "OperatorNode": {
      const op = node.op!;
      const args = node.args!.map((a) => build(a, known, used, tol, slots));
      if (args.length === 1) {
        const a = args[0];
        if (op === "-") return (s) => { const x = num(a(s)); return x === null ? null : -x; };
        if (op === "+") return (s) => num(a(s));
        if (op === "not") return (s) => { const x = truthy(a(s)); return x === null ? null : !x; };
        throw new ExpressionError("unsupported", op);
      }
      const [a, b] = args;
      if ((COMPARISONS as readonly string[]).includes(op)) return comparison(op as Comparison, a, b, tol);
      if (op === "and")
        return (s) => {
          const x = truthy(a(s));
          if (x === false) return false;
          const y = truthy(b(s));
          if (y === false) return false;
          return x === null || y === null ? null : true;
        };
      if (op === "or")
        return (s) => {
          const x = truthy(a(s));
          if (x === true) return true;
          const y = truthy(b(s));
          if (y === true) return true;
          return x === null || y === null ? null : false;
        };
      if (op === "xor")
        return (s) => {
          const x = truthy(a(s)), y = truthy(b(s));
          return x === null || y === null ? null : x !== y;
        };
      return arith(op, a, b);
    }
    case "RelationalNode": {
      // a <= b <= c
      const params = node.params!.map((p) => build(p, known, used, tol, slots));
      const ops = node.conditionals!.map((fn) => RELATIONAL[fn]);
      if (ops.some((o) => !o)) throw new ExpressionError("unsupported", node.conditionals!.join(","));
      const parts = ops.map((op, i) => comparison(op, params[i], params[i + 1], tol));
      return (s) => {
        let result: ExprValue = true;
        for (const p of parts) {
          const v = p(s);
          if (v === false) return false;
          if (v === null) result = null;
        }
        return result;
      };
    }
    case "ArrayNode": {
      const items = (node as AnyNode & { items: AnyNode[] }).items.map((a) => build(a, known, used, tol, slots));
      return (s) => items.map((f) => f(s));
    }
    case "FunctionNode": {
      const fname = typeof node.fn === "string" ? node.fn : node.fn?.name;
      const def = fname ? functionDef(fname) : undefined;
      if (!fname || !def) throw new ExpressionError("unsupported", `${fname ?? "?"}()`);
      const args = node.args!.map((a) => build(a, known, used, tol, slots));
      if (args.length < def.min || args.length > def.max) throw new ExpressionError("arity", `${fname}()`);
      const impl = def.fn;
      if (args.length === 1) {
        const [a] = args;
        return (s) => impl([a(s)]);
      }
      return (s) => impl(args.map((f) => f(s)));
    }
  }
  throw new ExpressionError("unsupported", node.type);
}

const RELATIONAL: Record<string, Comparison> = {
  smaller: "<",
  smallerEq: "<=",
  larger: ">",
  largerEq: ">=",
  equal: "==",
  unequal: "!=",
};

/**
 * Parses and compiles an expression over `known` symbols. `tolerance` applies to comparisons (absolute). With `slots`,
 * the symbols it places are read from a RowScope, any other by name.
 * Throws ExpressionError (syntax / unknown-symbol / unsupported).
 */
export function compileExpression(source: string, known: ReadonlySet<string>, tolerance = 1e-9, slots?: Slots): CompiledExpression {
  let root: AnyNode;
  try {
    root = parseExpr(source) as AnyNode;
  } catch (e) {
    throw new ExpressionError("syntax", (e as Error).message);
  }
  // Text is an operand ({述职方式} == "大会述职", count(…, "达标")), never a whole expression.
  if (root.type === "ConstantNode" && typeof root.value === "string") throw new ExpressionError("unsupported", JSON.stringify(root.value));
  const used = new Set<string>();
  const fn = build(root, known, used, tolerance, slots);
  let top = root;
  while (top.type === "ParenthesisNode") top = top.content!;
  let compare: CompiledExpression["compare"];
  if (top.type === "OperatorNode" && top.args!.length === 2 && (COMPARISONS as readonly string[]).includes(top.op!)) {
    const scratch = new Set<string>();
    compare = { op: top.op as Comparison, left: build(top.args![0], known, scratch, tolerance, slots), right: build(top.args![1], known, scratch, tolerance, slots) };
  }
  return { source, symbols: [...used], fn, compare };
}
