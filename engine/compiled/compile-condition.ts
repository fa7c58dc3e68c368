/**
 * json-rules-engine conditions → closures, with the same operators (engine/operators.ts) json-rules-
 * engine runs in the reference evaluator. Facts are computed before any rule runs, so a condition has
 * no side effects and the plain closure may short-circuit. The traced walk evaluates every leaf, as
 * json-rules-engine does (it runs each all/any level as one Promise.all), and records each one the way
 * engine/reference/trace.ts reads json-rules-engine's results, so both traces read the same.
 */
import type { JreCondition, JreValue } from "../../artefact/types";
import { OPERATORS, type OperatorName } from "../operators";
import type { TraceCondition } from "../result";
import { rawValue } from "../serialize";
import { asDecimal, type RuntimeValue } from "../values";
import { type ComparisonOp, compareValues, compareWithConstant, memberOfConstants } from "./against-constant";
import type { Run } from "./compile-expr";

export type Test = (run: Run) => boolean;

/** How to read a fact, and the operand to compare it with, for one leaf. */
interface Leaf {
  fact: string;
  operator: string;
  value: JreValue;
  read: (run: Run) => RuntimeValue;
  operand: (run: Run) => unknown;
  /** A `{ fact }` operand: traced with the value it had. */
  operandFact: boolean;
  test: (fact: unknown, operand: unknown) => boolean;
}

const COMPARISONS: Readonly<Record<string, ComparisonOp>> = {
  zbEq: "eq",
  zbNe: "ne",
  zbGt: "gt",
  zbGte: "gte",
  zbLt: "lt",
  zbLte: "lte",
};

/** Ordering operators read both sides as decimals anyway, so a literal operand is converted once. */
const ORDERING: ReadonlySet<string> = new Set(["zbGt", "zbGte", "zbLt", "zbLte"]);

export class ConditionCompiler {
  /**
   * `parameter`: a parameter's value by name (undefined for any other fact). Parameters are the same
   * in every case, so a condition comparing with one compares with a constant.
   */
  constructor(
    private readonly slotOf: (name: string) => number | undefined,
    private readonly parameter: (name: string) => RuntimeValue = () => undefined,
  ) {}

  private reader(name: string): (run: Run) => RuntimeValue {
    const slot = this.slotOf(name);
    return slot === undefined ? () => undefined : (run) => run.slots[slot];
  }

  private leaf(c: Extract<JreCondition, { fact: string }>): Leaf {
    const test = OPERATORS[c.operator as OperatorName];
    const value = c.value;
    let operand: (run: Run) => unknown;
    let operandFact = false;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      operand = this.reader(value.fact);
      operandFact = true;
    } else {
      const constant = ORDERING.has(c.operator) ? (asDecimal(value) ?? value) : value;
      operand = () => constant;
    }
    return {
      fact: c.fact,
      operator: c.operator,
      value,
      read: this.reader(c.fact),
      operand,
      operandFact,
      // An operator the artefact names but we lack is rejected at load (engine/link.ts); false is a guard.
      test: test ?? (() => false),
    };
  }

  compile(c: JreCondition): Test {
    if ("all" in c) {
      const parts = c.all.map((x) => this.compile(x));
      return (run) => {
        for (const p of parts) if (!p(run)) return false;
        return true;
      };
    }
    if ("any" in c) {
      const parts = c.any.map((x) => this.compile(x));
      // json-rules-engine holds an empty `any` true, like an empty `all`.
      if (parts.length === 0) return () => true;
      return (run) => {
        for (const p of parts) if (p(run)) return true;
        return false;
      };
    }
    if ("not" in c) {
      const inner = this.compile(c.not);
      return (run) => !inner(run);
    }
    return this.fastLeaf(c) ?? this.generalLeaf(c);
  }

  private generalLeaf(c: Extract<JreCondition, { fact: string }>): Test {
    const leaf = this.leaf(c);
    return (run) => leaf.test(leaf.read(run), leaf.operand(run));
  }

  /**
   * A leaf comparing a fact with a constant (nearly every leaf), with the constant examined once
   * (./against-constant.ts); the same result as the operator's. Undefined when it is not such a leaf.
   */
  private fastLeaf(c: Extract<JreCondition, { fact: string }>): Test | undefined {
    const slot = this.slotOf(c.fact);
    if (slot === undefined) return undefined;
    const op = COMPARISONS[c.operator];
    let value: unknown = c.value;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const operand = (value as { fact: string }).fact;
      const k = this.parameter(operand);
      if (op !== undefined && k !== undefined) value = k;
      else if (op !== undefined) {
        const other = this.slotOf(operand);
        if (other === undefined) return undefined;
        const holds = compareValues(op);
        return (run) => holds(run.slots[slot], run.slots[other]);
      } else return undefined;
    }
    if (op !== undefined) {
      if (Array.isArray(value)) return undefined;
      const holds = compareWithConstant(op, value);
      return (run) => holds(run.slots[slot]);
    }
    if (c.operator === "zbIn" || c.operator === "zbNotIn") {
      const members = Array.isArray(value) ? value : [value];
      if (!members.every((m) => typeof m === "string" || typeof m === "number" || typeof m === "boolean"))
        return undefined;
      const isMember = memberOfConstants(members as RuntimeValue[]);
      const wanted = c.operator === "zbIn";
      // A missing fact is in no set and not outside any either (OPERATORS.zbNotIn).
      return (run) => {
        const v = run.slots[slot];
        return v !== undefined && v !== null && isMember(v) === wanted;
      };
    }
    return undefined;
  }

  /** The same condition, evaluated in full, recording every leaf. */
  compileTraced(c: JreCondition): (run: Run, out: TraceCondition[]) => boolean {
    const walk = (node: JreCondition, negated: boolean): ((run: Run, out: TraceCondition[]) => boolean) => {
      if ("all" in node || "any" in node) {
        const isAll = "all" in node;
        const parts = (
          isAll ? (node as { all: JreCondition[] }).all : (node as { any: JreCondition[] }).any
        ).map((x) => walk(x, negated));
        return (run, out) => {
          let result = isAll || parts.length === 0;
          for (const p of parts) {
            const r = p(run, out);
            result = isAll ? result && r : result || r;
          }
          return result;
        };
      }
      if ("not" in node) {
        const inner = walk(node.not, !negated);
        return (run, out) => !inner(run, out);
      }
      const leaf = this.leaf(node);
      return (run, out) => {
        const actual = leaf.read(run);
        const operand = leaf.operand(run);
        const result = leaf.test(actual, operand) === true;
        const entry: TraceCondition = {
          fact: leaf.fact,
          operator: leaf.operator,
          expected: leaf.operandFact
            ? { fact: (leaf.value as { fact: string }).fact, value: rawValue(operand) }
            : leaf.value,
          actual: rawValue(actual),
          result,
        };
        if (negated) entry.negated = true;
        out.push(entry);
        return result;
      };
    };
    return walk(c, false);
  }
}
