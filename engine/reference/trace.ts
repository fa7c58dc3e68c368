/**
 * Rule traces from json-rules-engine's rule results. Each RuleResult carries a copy of the rule's
 * condition tree in which every evaluated leaf has `factResult`, `valueResult` and `result` (see
 * json-rules-engine dist/rule.js, evaluateCondition); leaves it short-circuited past have none.
 */
import type { TraceCondition } from "../result";
import { rawValue } from "../serialize";

type Node = Record<string, unknown>;

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null;
}

export function traceConditions(root: unknown): TraceCondition[] {
  const out: TraceCondition[] = [];
  const visit = (node: unknown, negated: boolean): void => {
    if (!isNode(node)) return;
    for (const key of ["all", "any"] as const) {
      const children = node[key];
      if (Array.isArray(children)) {
        for (const child of children) visit(child, negated);
        return;
      }
    }
    if (isNode(node.not)) {
      visit(node.not, !negated);
      return;
    }
    if (typeof node.fact !== "string" || typeof node.operator !== "string") return;
    const value = node.value;
    const expected =
      isNode(value) && !Array.isArray(value) && typeof value.fact === "string"
        ? { fact: value.fact, value: rawValue(node.valueResult) }
        : value;
    const entry: TraceCondition = {
      fact: node.fact,
      operator: node.operator,
      expected,
      actual: rawValue(node.factResult),
      result: node.result === true,
    };
    if (negated) entry.negated = true;
    if (node.result === undefined) entry.skipped = true;
    out.push(entry);
  };
  visit(root, false);
  return out;
}
