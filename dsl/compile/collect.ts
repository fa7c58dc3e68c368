/**
 * Aggregates over a «همه» (collect) table's look-up: `جمع(نرخ‌ها(مدت))`, `تعداد(...)`, `همه(...)`,
 * `حداقل_یکی(...)`. Artefact format zavabet/1 aggregates only list inputs (`agg.list` is an input
 * name), so these are expanded over the table's rows, which are known when compiling:
 *
 *   sum   = if (some row matches) then Σ (if row i matches then output i else 0) else missing
 *   count = if (some row matches) then Σ (if row i matches then 1 else 0) else missing
 *   all   = if (some row matches) then ∧ (not row i matches or output i) else missing
 *   any   = ∨ (row i matches and output i)
 *
 * "row i matches" is the row's cells tested on the look-up's arguments, as the engine tests them
 * (a missing argument matches only «هر»). No matching row is a missing value, as the look-up is.
 * (`کمینه`/`بیشینه` need no expansion: the engine spreads a look-up's values among minmax's args.)
 */
import type { Expr as ArtExpr, TableCell } from "../../artefact/types";
import type { Analysis } from "../check/analysis";
import type { Expr, SourceRange, TableDecl } from "../syntax/ast";
import { CompileError } from "./errors";
import { symbolNamed } from "./names";

type Call = Extract<Expr, { kind: "call" }>;

interface Deps {
  compileExpr(e: Expr, analysis: Analysis): ArtExpr;
  compileCell(cell: TableDecl["rows"][number]["cells"][number], analysis: Analysis): TableCell;
}

/** A value the engine evaluates as missing (a division by zero). */
export const MISSING: ArtExpr = { k: "arith", op: "/", a: { k: "num", v: "0" }, b: { k: "num", v: "0" } };

/** The «همه» table a call looks up, if the expression is such a look-up. */
export function collectTable(e: Expr | undefined, analysis: Analysis): TableDecl | undefined {
  let x = e;
  while (x?.kind === "paren") x = x.inner;
  if (x?.kind !== "call" || x.builtin) return undefined;
  const symbol = symbolNamed(analysis, x.callee.text);
  return symbol?.kind === "table" && symbol.decl.hitPolicy === "collect" ? symbol.decl : undefined;
}

function cellTest(cell: TableCell, arg: ArtExpr): ArtExpr[] {
  switch (cell.k) {
    case "any":
      return [];
    case "eq":
      return [{ k: "in", a: arg, set: cell.values }];
    case "range": {
      const out: ArtExpr[] = [];
      if (cell.lo) out.push({ k: "cmp", op: cell.loInclusive ? "gte" : "gt", a: arg, b: cell.lo });
      if (cell.hi) out.push({ k: "cmp", op: cell.hiInclusive ? "lte" : "lt", a: arg, b: cell.hi });
      return out;
    }
  }
}

function conj(items: ArtExpr[]): ArtExpr {
  if (items.length === 0) return { k: "bool", v: true };
  return items.length === 1 && items[0] ? items[0] : { k: "and", items };
}

/** a + b + ... as a balanced tree, so a long table stays within the engine's depth limit. */
function sum(items: ArtExpr[]): ArtExpr {
  if (items.length <= 1) return items[0] ?? { k: "num", v: "0" };
  const mid = Math.ceil(items.length / 2);
  return { k: "arith", op: "+", a: sum(items.slice(0, mid)), b: sum(items.slice(mid)) };
}

/**
 * Expands an aggregate whose first argument is a «همه» table's look-up. A body, filter or condition
 * after it cannot name the item (a look-up's values have no fields), so it is the same for every row.
 */
export function expandCollect(
  fn: "sum" | "count" | "all" | "any",
  call: Call,
  table: TableDecl,
  analysis: Analysis,
  deps: Deps,
  range: SourceRange,
): ArtExpr {
  let lookUp = call.args[0];
  while (lookUp?.kind === "paren") lookUp = lookUp.inner;
  if (lookUp?.kind !== "call") throw new CompileError("incomplete table look-up", range);
  const args = lookUp.args.map((a) => deps.compileExpr(a, analysis));
  const extra = call.args.slice(1).map((a) => deps.compileExpr(a, analysis));
  const rows = table.rows.map((row) => {
    if (!row.output) throw new CompileError("a table row has no output", row.range);
    const tests = row.cells.flatMap((cell, i) => {
      const arg = args[i];
      return arg ? cellTest(deps.compileCell(cell, analysis), arg) : [];
    });
    return { match: conj(tests), output: deps.compileExpr(row.output, analysis) };
  });
  const some: ArtExpr = { k: "or", items: rows.map((r) => r.match) };
  const orMissing = (e: ArtExpr): ArtExpr => ({ k: "if", cond: some, then: e, else: MISSING });
  const zero: ArtExpr = { k: "num", v: "0" };
  const [first, second] = extra;
  switch (fn) {
    case "sum": {
      // جمع(look-up [، body [، filter]])
      const counts = (r: { match: ArtExpr }) => (second ? conj([r.match, second]) : r.match);
      return orMissing(
        sum(rows.map((r) => ({ k: "if", cond: counts(r), then: first ?? r.output, else: zero }))),
      );
    }
    case "count": {
      // تعداد(look-up [، filter])
      const one: ArtExpr = { k: "num", v: "1" };
      const counts = (r: { match: ArtExpr }) => (first ? conj([r.match, first]) : r.match);
      return orMissing(sum(rows.map((r) => ({ k: "if", cond: counts(r), then: one, else: zero }))));
    }
    case "all":
      return orMissing({
        k: "and",
        items: rows.map((r) => ({ k: "or", items: [{ k: "not", a: r.match }, first ?? r.output] })),
      });
    case "any":
      return { k: "or", items: rows.map((r) => ({ k: "and", items: [r.match, first ?? r.output] })) };
  }
}
