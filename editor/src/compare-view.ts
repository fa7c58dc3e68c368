/**
 * A comparison of the draft with a version, as staff read it: the text diff of the two, and the
 * change in outcomes over the corpus — the same report `zavabet compare` builds (counts, decision
 * transitions, changed outcomes grouped by rule and clause, changed values, cases one version refuses,
 * with a few example cases each).
 */
import type { CompareReport, RuleExample, Transition } from "../../compare/index";
import { h } from "./dom";
import { DECISION_FA, fa, showValue } from "./fa";
import { diffLines, hunks } from "./line-diff";
import type { CorpusCounts } from "./run-protocol";

const REFUSED_FA = {
  base: "فقط نسخه نپذیرفت",
  candidate: "فقط پیش‌نویس نپذیرفت",
  both: "هیچ‌کدام نپذیرفت",
} as const;

const transition = (t: Transition) => `${DECISION_FA[t.from]} ← ${DECISION_FA[t.to]}`;
/** «from → to» read right to left: the arrow points from the version to the draft. */
const arrow = (from: string, to: string) => `${from} ← ${to}`;

export function textDiff(versionText: string, draftText: string, version: string): HTMLElement {
  const lines = diffLines(versionText, draftText);
  const shown = hunks(lines);
  const added = lines.filter((l) => l.op === "add").length;
  const removed = lines.filter((l) => l.op === "del").length;
  const head = h(
    "p",
    { class: "diff-summary" },
    added + removed === 0
      ? `متن پیش‌نویس با نسخه‌ی ${fa(version)} یکی است.`
      : `نسبت به نسخه‌ی ${fa(version)}: ${fa(added)} سطر افزوده، ${fa(removed)} سطر برداشته.`,
  );
  const rows = shown.map((l) => {
    if (l === null) return h("tr", { class: "gap" }, h("td", { colspan: "4" }, "⋯"));
    const a = l.op === "add" ? "" : fa(l.a);
    const b = l.op === "del" ? "" : fa(l.b);
    const mark = l.op === "add" ? "+" : l.op === "del" ? "−" : "";
    return h(
      "tr",
      { class: l.op },
      h("td", { class: "num" }, a),
      h("td", { class: "num" }, b),
      h("td", { class: "mark" }, mark),
      h("td", { class: "text", dir: "auto" }, l.text),
    );
  });
  return h(
    "div",
    { class: "text-diff" },
    head,
    rows.length > 0 ? h("table", {}, h("tbody", {}, ...rows)) : null,
  );
}

function example(e: RuleExample): HTMLElement {
  return h(
    "details",
    { class: "example" },
    h(
      "summary",
      {},
      `پرونده‌ی ${fa(e.line)}: ${arrow(DECISION_FA[e.base.decision], DECISION_FA[e.candidate.decision])}`,
    ),
    h("pre", { dir: "auto" }, JSON.stringify(e.case, null, 1)),
  );
}

export function outcomeChanges(report: CompareReport, corpus: CorpusCounts, version: string): HTMLElement {
  const s = report.summary;
  const out = h("div", { class: "outcome-changes" });
  out.append(
    h(
      "p",
      { class: "compare-summary", id: "compare-summary" },
      `${fa(s.cases)} پرونده (آزمون‌ها ${fa(corpus.tests)}، نمونه‌ها ${fa(corpus.examples)}، ساخته‌شده ${fa(corpus.generated)}) ` +
        `روی نسخه‌ی ${fa(version)} و پیش‌نویس اجرا شد: ${fa(s.changed)} پرونده تغییر کرد، ` +
        `تصمیم ${fa(s.decisionChanged)} پرونده عوض شد، ${fa(s.unchanged)} پرونده یکسان ماند.`,
    ),
  );
  const changes = report.decisions.filter((t) => t.from !== t.to);
  if (changes.length > 0) {
    out.append(
      h("h3", {}, "تغییر تصمیم‌ها (نسخه ← پیش‌نویس)"),
      h(
        "ul",
        { class: "transitions" },
        ...changes.map((t) => h("li", {}, `${transition(t)}: ${fa(t.cases)} پرونده`)),
      ),
    );
  }
  if (report.rules.length > 0) {
    out.append(
      h("h3", {}, "قاعده‌هایی که پیامدشان تغییر کرد"),
      h(
        "ol",
        { class: "rule-groups" },
        ...report.rules.map((g) =>
          h(
            "li",
            { class: "rule-group" },
            h("strong", {}, `«${g.rule}»`),
            " ",
            h("span", { class: "citation" }, `[${g.citation}]`),
            `: ${fa(g.cases)} پرونده، تصمیم ${fa(g.decisionChanged)} پرونده عوض شد`,
            g.transitions.length > 0
              ? ` (${g.transitions.map((t) => `${transition(t)}: ${fa(t.cases)}`).join("، ")})`
              : "",
            ...g.examples.map(example),
          ),
        ),
      ),
    );
  }
  if (report.values.length > 0) {
    out.append(
      h("h3", {}, "مقدارهایی که تغییر کرد"),
      h(
        "ul",
        { class: "value-groups" },
        ...report.values.map((g) =>
          h(
            "li",
            {},
            h("strong", {}, g.value),
            g.citation ? h("span", { class: "citation" }, ` [${g.citation}]`) : "",
            `: ${fa(g.cases)} پرونده`,
            g.examples[0]
              ? `، مثلاً ${arrow(showValue(g.examples[0].base), showValue(g.examples[0].candidate))}`
              : "",
          ),
        ),
      ),
    );
  }
  if (report.invalid.length > 0) {
    out.append(
      h("h3", {}, "پرونده‌هایی که یک طرف نپذیرفت"),
      h(
        "ul",
        {},
        ...report.invalid.map((g) => h("li", {}, `${REFUSED_FA[g.refusedBy]}: ${fa(g.cases)} پرونده`)),
      ),
    );
  }
  return out;
}
