/**
 * Checks an artefact beyond its JSON Schema: every name resolves, tables are called with one argument
 * per column and never call themselves, values only use earlier values, and expression and condition
 * trees stay within the depth limits (so evaluation work and recursion are bounded).
 */

import { exprChildren } from "../artefact/expr-children";
import {
  MAX_AGG_NESTING,
  MAX_CASE_WORK,
  MAX_CONDITION_DEPTH,
  MAX_EFFECTIVE_DEPTH,
  MAX_EXPR_DEPTH,
  MAX_LIST_ITEMS,
} from "../artefact/limits";
import type { Artefact, Expr, JreCondition, RecordField, TableDef } from "../artefact/types";
import { parameterValue } from "./params";

/** What an expression reaches: nesting depth, aggregate nesting, and worst-case nodes evaluated. */
interface Reach {
  depth: number;
  aggs: number;
  cost: number;
}

interface Walk {
  where: string;
  /** Names a `ref` may use here. */
  readable: (name: string) => boolean;
  /** Field names of the lists being aggregated, innermost last. */
  lists: RecordField[][];
}

export function linkErrors(a: Artefact): string[] {
  const errors: string[] = [];
  const err = (msg: string) => errors.push(msg);

  const inputs = new Map(a.inputs.map((i) => [i.name, i]));
  const params = new Set(a.parameters.map((p) => p.name));
  const values = new Set(a.values.map((v) => v.name));
  const tables = new Map<string, TableDef>();
  const exprNames = new Set(Object.keys(a.expressions));

  // ---- declarations ----------------------------------------------------------------------------
  const declared = new Set<string>();
  for (const name of [...a.inputs, ...a.parameters, ...a.values].map((d) => d.name)) {
    if (declared.has(name)) err(`name «${name}» is declared more than once (inputs, parameters, values)`);
    if (name.startsWith("$")) err(`name «${name}» starts with "$", which is kept for anonymous expressions`);
    declared.add(name);
  }
  const keys = new Set<string>(declared);
  for (const input of a.inputs) {
    if (input.alias !== undefined) {
      if (keys.has(input.alias))
        err(`alias «${input.alias}» of input «${input.name}» clashes with another name`);
      keys.add(input.alias);
    }
    if (input.type.kind === "list") {
      const fieldKeys = new Set<string>();
      for (const f of input.type.fields) {
        for (const k of f.alias === undefined ? [f.name] : [f.name, f.alias]) {
          if (fieldKeys.has(k)) err(`list «${input.name}»: field name or alias «${k}» is used twice`);
          fieldKeys.add(k);
        }
      }
    }
  }
  for (const t of a.tables) {
    if (tables.has(t.name)) err(`table «${t.name}» is declared more than once`);
    tables.set(t.name, t);
  }

  for (const p of a.parameters) {
    const r = parameterValue(p);
    if ("error" in r) err(r.error);
  }

  // ---- expressions -----------------------------------------------------------------------------
  /**
   * Effective depth of each table (its deepest row, counting tables it calls), aggregate nesting, and
   * cost: how many expression nodes one call may evaluate at most; depth -1 while visiting.
   */
  const tableDepth = new Map<string, Reach>();

  function walk(e: Expr, w: Walk, depth: number): Reach {
    if (depth > MAX_EXPR_DEPTH) {
      err(`${w.where}: expression nested deeper than ${MAX_EXPR_DEPTH}`);
      return { depth: Number.POSITIVE_INFINITY, aggs: 0, cost: 1 };
    }
    const sub = (x: Expr, inner: Walk = w) => walk(x, inner, depth + 1);
    const all = (xs: (Expr | undefined)[], inner: Walk = w): Reach => {
      let d = depth;
      let g = 0;
      let cost = 1;
      for (const x of xs) {
        if (!x) continue;
        const r = sub(x, inner);
        d = Math.max(d, r.depth);
        g = Math.max(g, r.aggs);
        cost += r.cost;
      }
      return { depth: d, aggs: g, cost };
    };
    switch (e.k) {
      case "num":
      case "text":
      case "bool":
      case "date":
      case "member":
        return { depth, aggs: 0, cost: 1 };
      case "ref":
        if (!w.readable(e.name)) err(`${w.where}: «${e.name}» is not an input, parameter or earlier value`);
        return { depth, aggs: 0, cost: 1 };
      case "field":
        if (!w.lists.some((fields) => fields.some((f) => f.name === e.name))) {
          err(`${w.where}: «${e.name}» is not a field of a list being aggregated`);
        }
        return { depth, aggs: 0, cost: 1 };
      case "arith":
      case "cmp":
      case "neg":
      case "not":
      case "missing":
      case "round":
      case "minmax":
      case "if":
      case "and":
      case "or":
      case "in":
        return all([...exprChildren(e)]);
      case "table": {
        const t = tables.get(e.table);
        const args = all(e.args);
        if (!t) {
          err(`${w.where}: no table «${e.table}»`);
          return args;
        }
        if (e.args.length !== t.columns.length) {
          err(`${w.where}: table «${t.name}» takes ${t.columns.length} argument(s), not ${e.args.length}`);
        }
        const inner = checkTable(t);
        return {
          depth: Math.max(args.depth, depth + inner.depth),
          aggs: Math.max(args.aggs, inner.aggs),
          cost: args.cost + inner.cost,
        };
      }
      case "agg": {
        const list = inputs.get(e.list);
        if (list?.type.kind !== "list") {
          err(`${w.where}: «${e.list}» is not a list input`);
          return all([e.body, e.where]);
        }
        if ((e.fn === "sum" || e.fn === "min" || e.fn === "max") && !e.body) {
          err(`${w.where}: aggregate ${e.fn} needs a body`);
        }
        const r = all([e.body, e.where], { ...w, lists: [...w.lists, list.type.fields] });
        // The body and filter run once per item, for as many items as a list may hold.
        return { depth: r.depth, aggs: r.aggs + 1, cost: 1 + MAX_LIST_ITEMS * r.cost };
      }
    }
  }

  const readAny = (name: string) => inputs.has(name) || params.has(name) || values.has(name);

  function checkTable(t: TableDef): Reach {
    const known = tableDepth.get(t.name);
    if (known) {
      if (known.depth < 0) {
        err(`table «${t.name}» calls itself (directly or through other tables)`);
        return { depth: Number.POSITIVE_INFINITY, aggs: 0, cost: 1 };
      }
      return known;
    }
    tableDepth.set(t.name, { depth: -1, aggs: 0, cost: 1 });
    let depth = 0;
    let aggs = 0;
    // A look-up may test every row's cells and (collect) compute every row's output.
    let cost = 1;
    const w: Walk = { where: `table «${t.name}»`, readable: readAny, lists: [] };
    for (const [i, row] of t.rows.entries()) {
      if (row.cells.length !== t.columns.length) {
        err(`table «${t.name}» row ${i + 1}: ${row.cells.length} cell(s) for ${t.columns.length} column(s)`);
      }
      const exprs: Expr[] = [row.output];
      for (const cell of row.cells) {
        if (cell.k === "eq") exprs.push(...cell.values);
        if (cell.k === "range") for (const x of [cell.lo, cell.hi]) if (x) exprs.push(x);
      }
      for (const x of exprs) {
        const r = walk(x, { ...w, where: `table «${t.name}» row ${i + 1}` }, 1);
        depth = Math.max(depth, r.depth);
        aggs = Math.max(aggs, r.aggs);
        cost += r.cost;
      }
    }
    const result = { depth, aggs, cost };
    tableDepth.set(t.name, result);
    return result;
  }

  /** Expression nodes one case may evaluate at most, over every value and expression. */
  let work = 0;

  function checkRoot(e: Expr, w: Walk): void {
    const r = walk(e, w, 1);
    work += r.cost;
    if (r.depth !== Number.POSITIVE_INFINITY && r.depth > MAX_EFFECTIVE_DEPTH) {
      err(`${w.where}: expression (with the tables it calls) nested deeper than ${MAX_EFFECTIVE_DEPTH}`);
    }
    if (r.aggs > MAX_AGG_NESTING) err(`${w.where}: aggregates nested more than ${MAX_AGG_NESTING} deep`);
  }

  for (const t of a.tables) checkTable(t);
  const earlier = new Set<string>();
  for (const v of a.values) {
    const readable = (name: string) => inputs.has(name) || params.has(name) || earlier.has(name);
    checkRoot(v.expr, { where: `value «${v.name}»`, readable, lists: [] });
    earlier.add(v.name);
  }
  for (const [name, e] of Object.entries(a.expressions)) {
    checkRoot(e, { where: `expression «${name}»`, readable: readAny, lists: [] });
  }
  if (work > MAX_CASE_WORK) {
    err(
      `one case may evaluate up to ${work.toExponential(1)} expression nodes (with lists of ${MAX_LIST_ITEMS} items and every table row); at most ${MAX_CASE_WORK.toExponential(0)} are allowed`,
    );
  }

  // ---- rules -----------------------------------------------------------------------------------
  const isFact = (name: string) => readAny(name) || exprNames.has(name);
  const setTargets = new Set<string>();
  for (const rule of a.rules) {
    for (const o of rule.event.params.outcomes) if (o.kind === "set" && o.target) setTargets.add(o.target);
  }
  const ruleNames = new Set<string>();
  for (const rule of a.rules) {
    const where = `rule «${rule.name}»`;
    if (ruleNames.has(rule.name)) err(`${where} is declared more than once`);
    ruleNames.add(rule.name);
    const check = (c: JreCondition, depth: number): void => {
      if (depth > MAX_CONDITION_DEPTH) {
        err(`${where}: conditions nested deeper than ${MAX_CONDITION_DEPTH}`);
        return;
      }
      if ("all" in c) for (const x of c.all) check(x, depth + 1);
      else if ("any" in c) for (const x of c.any) check(x, depth + 1);
      else if ("not" in c) check(c.not, depth + 1);
      else {
        if (!isFact(c.fact)) err(`${where}: condition on unknown fact «${c.fact}»`);
        const v = c.value;
        if (typeof v === "object" && !Array.isArray(v) && !isFact(v.fact)) {
          err(`${where}: condition compares with unknown fact «${v.fact}»`);
        }
      }
    };
    check(rule.conditions as JreCondition, 1);
    for (const o of rule.event.params.outcomes) {
      if (o.amountFact !== undefined && !isFact(o.amountFact))
        err(`${where}: unknown amount fact «${o.amountFact}»`);
      if (o.valueFact !== undefined && !isFact(o.valueFact))
        err(`${where}: unknown value fact «${o.valueFact}»`);
      if (o.kind === "set" && (o.target === undefined || o.valueFact === undefined)) {
        err(`${where}: a set outcome needs target and valueFact`);
      }
      if (o.kind === "set" && o.target !== undefined && declared.has(o.target) && !values.has(o.target)) {
        err(`${where}: set target «${o.target}» is an input or parameter`);
      }
      for (const part of o.message ?? []) {
        if ("ref" in part && !readAny(part.ref) && !setTargets.has(part.ref)) {
          err(`${where}: message refers to unknown «${part.ref}»`);
        }
      }
    }
  }
  return errors;
}
