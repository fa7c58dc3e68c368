/**
 * Expression trees → closures, once per artefact. A closure reads named values from numbered slots
 * (no map look-ups per case) and list items from a stack indexed by aggregate depth, resolved at
 * compile time. The semantics are the interpreter's (engine/evaluate-expr.ts), shared through its
 * helpers, and so are the order and laziness of evaluation: `if`, `and`, `or`, `in` and `first`
 * tables evaluate exactly what the interpreter evaluates, so even table warnings come out the same.
 * No source text is generated: a ruleset stays data, and these are ordinary closures over it.
 */
import { exprChildren, someExpr } from "../../artefact/expr-children";
import type { Expr, RecordField, TableCell, TableDef } from "../../artefact/types";
import { compareDec, type Dec, dec, isDec, roundTo, ZERO } from "../decimal";
import { ambiguousTable, arith, comparison, flatten, minmax } from "../evaluate-expr";
import type { EvaluationWarning } from "../scope";
import { equals, isScalar, type RecordValue, type RuntimeValue, type Scalar, truthy } from "../values";
import { type ComparisonOp, compareWithConstant, memberOfConstants } from "./against-constant";

/** A shared sub-expression not yet computed in this case. */
export const UNSET: unique symbol = Symbol("not computed yet");

/** One case's state while it is evaluated. */
export interface Run {
  /** Inputs, parameters, computed values and anonymous expressions, by slot number. */
  slots: RuntimeValue[];
  /** Sub-expressions written more than once in the ruleset, each computed once a case. */
  shared: (RuntimeValue | typeof UNSET)[];
  /** The list item being aggregated at each depth. */
  items: (RecordValue | undefined)[];
  warnings: EvaluationWarning[];
}

export type Compiled = (run: Run) => RuntimeValue;

type Cell = (v: RuntimeValue, run: Run) => boolean;

const MISSING: Compiled = () => undefined;

/** A literal's value, when the expression is one: sets and table cells compare against it directly. */
function constantOf(e: Expr): RuntimeValue | typeof NOT_CONSTANT {
  switch (e.k) {
    case "num":
    case "date":
      return dec(e.v);
    case "text":
    case "member":
    case "bool":
      return e.v;
    default:
      return NOT_CONSTANT;
  }
}
const NOT_CONSTANT = Symbol("not constant");

/** `k op v` is `v FLIPPED[op] k`. */
const FLIPPED: Record<ComparisonOp, ComparisonOp> = {
  eq: "eq",
  ne: "ne",
  gt: "lt",
  gte: "lte",
  lt: "gt",
  lte: "gte",
};

export class ExprCompiler {
  private readonly tables = new Map<string, (args: RuntimeValue[], run: Run) => RuntimeValue>();

  /** Key of each shared sub-expression → its index in `Run.shared`. */
  private readonly sharedIndex = new Map<string, number>();

  /** `shared`: keys (sharedKey) of the sub-expressions to compute once a case (repeatedSubexpressions). */
  constructor(
    private readonly slotOf: (name: string) => number | undefined,
    private readonly tableDefs: ReadonlyMap<string, TableDef>,
    private readonly listFields: ReadonlyMap<string, readonly RecordField[]>,
    private readonly shared: ReadonlySet<string> = new Set(),
  ) {}

  /** How many shared sub-expressions the compiled closures use: the length of `Run.shared`. */
  get sharedCount(): number {
    return this.sharedIndex.size;
  }

  /** `frames`: the field names of each enclosing aggregate's list, outermost first. */
  compile(e: Expr, frames: readonly ReadonlySet<string>[] = []): Compiled {
    const key = frames.length === 0 && this.shared.size > 0 ? sharedKey(e) : undefined;
    if (key === undefined || !this.shared.has(key)) return this.compileNode(e, frames);
    let index = this.sharedIndex.get(key);
    if (index === undefined) {
      index = this.sharedIndex.size;
      this.sharedIndex.set(key, index);
    }
    const i = index;
    const inner = this.compileNode(e, frames);
    return (run) => {
      const known = run.shared[i];
      if (known !== UNSET) return known;
      const v = inner(run);
      run.shared[i] = v;
      return v;
    };
  }

  private compileNode(e: Expr, frames: readonly ReadonlySet<string>[]): Compiled {
    const c = (x: Expr) => this.compile(x, frames);
    switch (e.k) {
      case "num":
      case "date": {
        const d = dec(e.v);
        return () => d;
      }
      case "text":
      case "member":
      case "bool": {
        const v = e.v;
        return () => v;
      }
      case "ref": {
        const slot = this.slotOf(e.name);
        return slot === undefined ? MISSING : (run) => run.slots[slot];
      }
      case "field": {
        for (let depth = frames.length - 1; depth >= 0; depth--) {
          if (frames[depth]?.has(e.name)) {
            const name = e.name;
            return (run) => run.items[depth]?.[name];
          }
        }
        return MISSING;
      }
      case "arith": {
        const [a, b, op] = [c(e.a), c(e.b), e.op];
        return (run) => arith(op, a(run), b(run));
      }
      case "neg": {
        const a = c(e.a);
        return (run) => {
          const v = a(run);
          return isDec(v) ? v.negated() : undefined;
        };
      }
      case "minmax": {
        const args = e.args.map(c);
        const fn = e.fn;
        return (run) =>
          minmax(
            fn,
            args.map((a) => a(run)),
          );
      }
      case "round": {
        const [a, places, mode] = [c(e.a), e.places, e.mode];
        return (run) => {
          const v = a(run);
          return isDec(v) ? roundTo(v, places, mode) : undefined;
        };
      }
      case "if": {
        const [cond, then, otherwise] = [c(e.cond), c(e.then), c(e.else)];
        return (run) => (truthy(cond(run)) ? then(run) : otherwise(run));
      }
      case "table": {
        const args = e.args.map(c);
        const name = e.table;
        return (run) => {
          const lookUp = this.table(name);
          return lookUp
            ? lookUp(
                args.map((a) => a(run)),
                run,
              )
            : undefined;
        };
      }
      case "agg":
        return this.aggregate(e, frames);
      case "and": {
        const items = e.items.map(c);
        return (run) => {
          for (const item of items) if (!truthy(item(run))) return false;
          return true;
        };
      }
      case "or": {
        const items = e.items.map(c);
        return (run) => {
          for (const item of items) if (truthy(item(run))) return true;
          return false;
        };
      }
      case "not": {
        const a = c(e.a);
        return (run) => !truthy(a(run));
      }
      case "cmp": {
        const [left, right] = [constantOf(e.a), constantOf(e.b)];
        if (right !== NOT_CONSTANT || left !== NOT_CONSTANT) {
          // One side is a literal: compare against it directly (flipped when it is on the left).
          const [side, k, op] =
            right !== NOT_CONSTANT ? [c(e.a), right, e.op] : [c(e.b), left, FLIPPED[e.op]];
          const holds = compareWithConstant(op, k);
          return (run) => holds(side(run));
        }
        const [a, b, op] = [c(e.a), c(e.b), e.op];
        return (run) => comparison(op, a(run), b(run));
      }
      case "in": {
        const a = c(e.a);
        const constants = e.set.map(constantOf);
        if (!constants.includes(NOT_CONSTANT)) {
          const isMember = memberOfConstants(constants as RuntimeValue[]);
          return (run) => {
            const v = a(run);
            return v !== undefined && isMember(v);
          };
        }
        const set = e.set.map(c);
        return (run) => {
          const v = a(run);
          if (v === undefined) return false;
          return set.some((s) => flatten(s(run)).some((x) => equals(v, x) === true));
        };
      }
      case "missing": {
        const a = c(e.a);
        return (run) => a(run) === undefined;
      }
    }
  }

  private aggregate(e: Expr & { k: "agg" }, frames: readonly ReadonlySet<string>[]): Compiled {
    const listSlot = this.slotOf(e.list);
    const declared = this.listFields.get(e.list);
    if (listSlot === undefined || !declared) return MISSING;
    const depth = frames.length;
    const inner = [...frames, new Set(declared.map((f) => f.name))];
    const body = e.body ? this.compile(e.body, inner) : undefined;
    const where = e.where ? this.compile(e.where, inner) : undefined;
    /** The list's items, or undefined when the list is missing; non-records are skipped in the loops. */
    const list = (run: Run): readonly unknown[] | undefined => {
      const items = run.slots[listSlot];
      return Array.isArray(items) ? items : undefined;
    };
    const isRecord = (x: unknown): x is RecordValue => typeof x === "object" && x !== null && !isDec(x);
    /** Whether `test` holds for `record` (no test: it does). */
    const passes = (test: Compiled | undefined, record: RecordValue, run: Run): boolean => {
      if (!test) return true;
      run.items[depth] = record;
      return truthy(test(run));
    };

    switch (e.fn) {
      case "sum":
      case "min":
      case "max": {
        if (!body) return MISSING;
        const fn = e.fn;
        return (run) => {
          const items = list(run);
          if (!items) return undefined;
          let acc: Dec | undefined = fn === "sum" ? ZERO : undefined;
          for (const record of items) {
            if (!isRecord(record) || !passes(where, record, run)) continue;
            run.items[depth] = record;
            const v = body(run);
            if (!isDec(v)) return undefined;
            if (acc === undefined) acc = v;
            else if (fn === "sum") acc = acc.plus(v);
            else if (fn === "min" ? compareDec(v, acc) < 0 : compareDec(v, acc) > 0) acc = v;
          }
          return acc;
        };
      }
      case "count":
        return (run) => {
          const items = list(run);
          if (!items) return undefined;
          let n = 0;
          for (const record of items) {
            if (isRecord(record) && passes(where, record, run) && passes(body, record, run)) n++;
          }
          return dec(n);
        };
      case "any":
      case "all": {
        // As the interpreter: the condition is `body`, or `where` when there is no body.
        const predicate = body ?? where;
        const filter = body ? where : undefined;
        const any = e.fn === "any";
        // The interpreter filters every item first, then tests: the same calls, in the same order.
        return (run) => {
          const items = list(run);
          if (!items) return undefined;
          const considered: RecordValue[] = [];
          for (const r of items) if (isRecord(r) && passes(filter, r, run)) considered.push(r);
          for (const r of considered) {
            if (passes(predicate, r, run) === any) return any;
          }
          return !any;
        };
      }
    }
  }

  /** A table's look-up, compiled on first use (tables may look up other tables). */
  private table(name: string): ((args: RuntimeValue[], run: Run) => RuntimeValue) | undefined {
    const known = this.tables.get(name);
    if (known) return known;
    const def = this.tableDefs.get(name);
    if (!def) return undefined;
    const compiled = this.compileTable(def);
    this.tables.set(name, compiled);
    return compiled;
  }

  private compileTable(def: TableDef): (args: RuntimeValue[], run: Run) => RuntimeValue {
    const rows = def.rows.map((row) => ({
      cells: row.cells.map((cell) => this.cell(cell)),
      output: this.compile(row.output),
    }));
    const index = columnIndex(def);
    /** Whether the row's cells match, leaving out the columns the index has already decided. */
    const matches = (cells: Cell[], args: RuntimeValue[], run: Run, decided: number) => {
      for (let i = 0; i < cells.length; i++) {
        if ((decided & (1 << i)) === 0 && !cells[i]!(args[i], run)) return false;
      }
      return true;
    };
    /**
     * The rows that may match: every row, narrowed by each indexed column whose argument is a
     * string (an exact answer for that column). A bit per row, and a bit per decided column.
     */
    const candidates = (args: RuntimeValue[]): [rows: number, decided: number] => {
      let mask = index.allRows;
      let decided = 0;
      for (const [column, byValue, anyRows] of index.columns) {
        const v = args[column];
        if (typeof v !== "string") continue;
        mask &= (byValue.get(v) ?? 0) | anyRows;
        decided |= 1 << column;
      }
      return [mask, decided];
    };
    switch (def.hitPolicy) {
      case "first":
        return (args, run) => {
          const [mask, decided] = candidates(args);
          for (let r = 0; r < rows.length; r++) {
            const row = rows[r]!;
            if ((mask & (1 << r)) !== 0 && matches(row.cells, args, run, decided)) return row.output(run);
          }
          return undefined;
        };
      case "unique":
        return (args, run) => {
          const [mask, decided] = candidates(args);
          let hit: (typeof rows)[number] | undefined;
          let hits = 0;
          for (let r = 0; r < rows.length; r++) {
            const row = rows[r]!;
            if ((mask & (1 << r)) === 0 || !matches(row.cells, args, run, decided)) continue;
            hits++;
            hit = row;
          }
          if (hits > 1) run.warnings.push(ambiguousTable(def.name, hits));
          return hits === 1 && hit ? hit.output(run) : undefined;
        };
      case "collect":
        return (args, run) => {
          const [mask, decided] = candidates(args);
          const out: Scalar[] = [];
          for (let r = 0; r < rows.length; r++) {
            const row = rows[r]!;
            if ((mask & (1 << r)) === 0 || !matches(row.cells, args, run, decided)) continue;
            const v = row.output(run);
            if (!isScalar(v)) return undefined;
            out.push(v);
          }
          return out.length > 0 ? out : undefined;
        };
    }
  }

  private cell(cell: TableCell): Cell {
    switch (cell.k) {
      case "any":
        return () => true;
      case "eq": {
        const constants = cell.values.map(constantOf);
        if (!constants.includes(NOT_CONSTANT)) {
          const isMember = memberOfConstants(constants as RuntimeValue[]);
          return (v) => v !== undefined && isMember(v);
        }
        const values = cell.values.map((x) => this.compile(x));
        return (v, run) =>
          v !== undefined && values.some((x) => flatten(x(run)).some((m) => equals(v, m) === true));
      }
      case "range": {
        const [loK, hiK] = [
          cell.lo ? constantOf(cell.lo) : undefined,
          cell.hi ? constantOf(cell.hi) : undefined,
        ];
        if (loK !== NOT_CONSTANT && hiK !== NOT_CONSTANT) {
          const above =
            loK === undefined ? undefined : compareWithConstant(cell.loInclusive ? "gte" : "gt", loK);
          const below =
            hiK === undefined ? undefined : compareWithConstant(cell.hiInclusive ? "lte" : "lt", hiK);
          return (v) => v !== undefined && (!above || above(v)) && (!below || below(v));
        }
        const lo = cell.lo ? this.compile(cell.lo) : undefined;
        const hi = cell.hi ? this.compile(cell.hi) : undefined;
        const loOp = cell.loInclusive ? "gte" : "gt";
        const hiOp = cell.hiInclusive ? "lte" : "lt";
        return (v, run) => {
          if (v === undefined) return false;
          if (lo && !comparison(loOp, v, lo(run))) return false;
          if (hi && !comparison(hiOp, v, hi(run))) return false;
          return true;
        };
      }
    }
  }
}

/** Rows and columns are bits of a 32-bit mask: a larger table is not indexed. */
const MAX_INDEXED = 30;

interface TableIndex {
  allRows: number;
  /** Per indexed column: its position, string → rows whose cell lists it, rows whose cell is `any`. */
  columns: [column: number, byValue: Map<string, number>, anyRows: number][];
}

/**
 * Per column whose every cell is `any` or an `eq` of string literals (one-of members, texts): which
 * rows each string matches. A string argument then picks its rows at once instead of testing every
 * row's cell; exact, since a string equals a string literal only when they are the same. Skipping the
 * other cells of rows so ruled out is safe only when evaluating them cannot warn, i.e. they look up
 * no table; otherwise (and for large tables) nothing is indexed.
 */
function columnIndex(def: TableDef): TableIndex {
  // Every bit set (-1): every row is a candidate, whatever its number.
  if (def.rows.length > MAX_INDEXED || def.columns.length > MAX_INDEXED) return { allRows: -1, columns: [] };
  const allRows = (1 << def.rows.length) - 1;
  const stringsOf = (cell: TableCell): string[] | undefined => {
    if (cell.k !== "eq") return undefined;
    const out: string[] = [];
    for (const v of cell.values) {
      if (v.k !== "member" && v.k !== "text") return undefined;
      out.push(v.v);
    }
    return out;
  };
  const columns: TableIndex["columns"] = [];
  for (let c = 0; c < def.columns.length; c++) {
    const byValue = new Map<string, number>();
    let anyRows = 0;
    let indexable = true;
    def.rows.forEach((row, r) => {
      const cell = row.cells[c];
      if (!cell) return;
      if (cell.k === "any") anyRows |= 1 << r;
      else {
        const strings = stringsOf(cell);
        if (!strings) indexable = false;
        else for (const v of strings) byValue.set(v, (byValue.get(v) ?? 0) | (1 << r));
      }
    });
    if (indexable) columns.push([c, byValue, anyRows]);
  }
  const warns = (e: Expr) => someExpr(e, (x) => x.k === "table");
  const cellsMayWarn = def.rows.some((row) =>
    row.cells.some(
      (cell) =>
        (cell.k === "eq" && cell.values.some(warns)) ||
        (cell.k === "range" && ((cell.lo && warns(cell.lo)) || (cell.hi && warns(cell.hi)))),
    ),
  );
  return { allRows, columns: cellsMayWarn ? [] : columns };
}

/**
 * A sub-expression worth computing once a case when the ruleset writes it more than once (the same
 * remainder in two formulas, say): arithmetic, rounding, min/max and aggregates, with no table look-up
 * inside (a look-up may warn, and the warning must come as often as the interpreter gives it). Its
 * key is its JSON: equal keys are equal trees. Undefined for anything else.
 */
export function sharedKey(e: Expr): string | undefined {
  if (e.k !== "arith" && e.k !== "round" && e.k !== "minmax" && e.k !== "agg" && e.k !== "neg")
    return undefined;
  if (someExpr(e, (x) => x.k === "table")) return undefined;
  return JSON.stringify(e);
}

/** Keys of the sub-expressions that occur more than once among `roots` (outside aggregate bodies). */
export function repeatedSubexpressions(roots: readonly Expr[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const walk = (e: Expr) => {
    const key = sharedKey(e);
    if (key !== undefined) {
      if (seen.has(key)) {
        repeated.add(key);
        return; // its parts are counted once, with it
      }
      seen.add(key);
    }
    // An aggregate's body and filter are per list item: not shared between cases' items.
    if (e.k !== "agg") for (const child of exprChildren(e)) walk(child);
  };
  for (const root of roots) walk(root);
  return repeated;
}
