/**
 * "Try a case": the form for the draft's inputs (./case-form.ts), prefilled from one of the fund's
 * example cases, evaluated in the run worker; shows the decision, each outcome with its clause, the
 * computed values and the trace — or the engine's issues beside the fields.
 */
import type { editor } from "monaco-editor/editor";
import type { Example } from "./api";
import { type CaseForm, caseForm } from "./case-form";
import { compileProblems } from "./compile-problems";
import { button, h } from "./dom";
import { DECISION_FA, showValue } from "./fa";
import type { EvaluationView } from "./run-protocol";
import type { Runner } from "./runner";

const OUTCOME_FA = { reject: "رد", refer: "ارجاع", require: "الزام", warn: "هشدار", set: "تعیین" } as const;

export interface CasePanel {
  /** Rebuild the form from the current draft (keeping what was typed where the inputs still exist). */
  refresh(): Promise<void>;
  setExamples(examples: Example[]): void;
}

export function mountCasePanel(
  host: HTMLElement,
  ed: editor.IStandaloneCodeEditor,
  runner: Runner,
): CasePanel {
  let examples: Example[] = [];
  let form: CaseForm | undefined;
  const exampleSelect = h("select", { id: "example", "aria-label": "نمونه" });
  const fields = h("div", { class: "case-form" });
  const result = h("div", { class: "case-result", "aria-live": "polite" });
  const evaluate = button("ارزیابی", () => void run(), { id: "evaluate", class: "primary" });
  const rebuild = button("ساختن دوباره‌ی فرم از پیش‌نویس", () => void refresh(), { class: "secondary" });
  host.replaceChildren(
    h("div", { class: "actions" }, h("label", {}, "نمونه ", exampleSelect), rebuild),
    fields,
    h("div", { class: "actions" }, evaluate),
    result,
  );
  exampleSelect.addEventListener("change", () => fillFromExample());
  const goTo = (line: number) => {
    ed.revealLineInCenter(line);
    ed.setPosition({ lineNumber: line, column: 1 });
    ed.focus();
  };

  function fillFromExample(): void {
    const chosen = examples.find((e) => e.name === exampleSelect.value);
    if (form && chosen) form.fill(chosen.case);
  }

  async function refresh(): Promise<void> {
    const typed = form?.read();
    const answer = await runner.run({ kind: "inputs", source: ed.getValue() });
    if (answer.kind !== "inputs") {
      fields.replaceChildren(compileProblems(answer, goTo));
      form = undefined;
      evaluate.disabled = true;
      return;
    }
    form = caseForm(answer.inputs);
    fields.replaceChildren(form.el);
    evaluate.disabled = false;
    if (typed && Object.keys(typed).length > 0) form.fill(typed);
    else fillFromExample();
  }

  async function run(): Promise<void> {
    if (!form) return;
    evaluate.disabled = true;
    result.textContent = "در حال ارزیابی…";
    const answer = await runner.run({ kind: "evaluate", source: ed.getValue(), case: form.read() });
    evaluate.disabled = false;
    if (answer.kind === "evaluate") {
      form.showIssues([]);
      result.replaceChildren(...view(answer.result));
    } else if (answer.kind === "invalid-case") {
      const rest = form.showIssues(answer.issues);
      // The form is long: bring the first field with an issue into view.
      fields.querySelector("[data-invalid]")?.scrollIntoView({ block: "center" });
      result.replaceChildren(
        h(
          "div",
          {},
          h(
            "p",
            { class: "decision invalid" },
            "این پرونده ورودی نادرست دارد؛ ایرادها کنار هر خانه آمده است.",
          ),
          rest.length > 0
            ? h(
                "ul",
                { class: "issues" },
                ...rest.map((i) => h("li", {}, i.field ? `${i.field}: ${i.fa}` : i.fa)),
              )
            : null,
        ),
      );
    } else {
      result.replaceChildren(compileProblems(answer, goTo));
    }
  }

  return {
    refresh,
    setExamples(list) {
      examples = list;
      exampleSelect.replaceChildren(new Option("—", ""), ...list.map((e) => new Option(e.name, e.name)));
      if (list[0]) exampleSelect.value = list[0].name;
      // The examples may arrive after the form was built: fill it if nothing was typed yet.
      if (form && Object.keys(form.read()).length === 0) fillFromExample();
    },
  };
}

function view(r: EvaluationView): HTMLElement[] {
  const outcomes = r.outcomes.map((o) => {
    const head =
      o.kind === "refer"
        ? `ارجاع به «${o.authority ?? ""}»`
        : o.kind === "require"
          ? `الزام «${o.what ?? ""}»${o.amount ? ` به مبلغ ${showValue(o.amount)} ریال` : ""}`
          : o.kind === "set"
            ? `تعیین ${o.target ?? ""} = ${showValue(o.value)}`
            : OUTCOME_FA[o.kind];
    return h(
      "li",
      { class: `outcome ${o.kind}` },
      h("strong", {}, head),
      " — ",
      `«${o.rule}» `,
      h("span", { class: "citation" }, `[${o.citation}]`),
      o.message ? h("div", { class: "message" }, o.message) : null,
    );
  });
  const values = Object.entries(r.values).map(([name, v]) =>
    h("tr", {}, h("th", {}, name), h("td", {}, showValue(v))),
  );
  return [
    h("p", { class: `decision ${r.decision}`, id: "decision" }, `تصمیم: ${DECISION_FA[r.decision]}`),
    h("h3", {}, "پیامدها"),
    outcomes.length > 0 ? h("ol", { class: "outcomes" }, ...outcomes) : h("p", {}, "هیچ قاعده‌ای اجرا نشد"),
    h("h3", {}, "مقدارها"),
    h("table", { class: "values" }, h("tbody", {}, ...values)),
    h("details", { class: "trace" }, h("summary", {}, "ردگیری (چرا)"), h("pre", {}, r.explain)),
  ];
}
