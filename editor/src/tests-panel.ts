/**
 * The tests panel: runs the draft's `آزمون`s in the run worker (runTests, as `zavabet test` does) and
 * lists them — the failed first, each with its expectations against what the draft gives; clicking
 * a test puts the cursor on its line.
 */
import type { editor } from "monaco-editor/editor";
import { compileProblems } from "./compile-problems";
import { button, h } from "./dom";
import { fa } from "./fa";
import type { RunAnswer, TestOutcome } from "./run-protocol";
import type { Runner } from "./runner";

export function mountTestsPanel(host: HTMLElement, ed: editor.IStandaloneCodeEditor, runner: Runner): void {
  const summary = h("p", { class: "summary", role: "status" });
  const list = h("div", { class: "tests" });
  const run = button("اجرای آزمون‌ها", () => void start(), { id: "run-tests", class: "primary" });
  // Results are of the text as it was run: once it changes, their lines and verdicts may be stale.
  const stale = h(
    "p",
    { class: "stale", id: "tests-stale", hidden: "" },
    "متن پس از این اجرا تغییر کرده است؛ دوباره اجرا کنید.",
  );
  host.replaceChildren(h("div", { class: "actions" }, run), summary, stale, list);
  let ranVersion: number | undefined;
  ed.onDidChangeModelContent(() => {
    if (ranVersion !== undefined) stale.hidden = ed.getModel()?.getAlternativeVersionId() === ranVersion;
  });

  const goTo = (line: number) => {
    ed.revealLineInCenter(line);
    ed.setPosition({ lineNumber: line, column: 1 });
    ed.focus();
  };

  async function start(): Promise<void> {
    run.disabled = true;
    summary.textContent = "در حال اجرای آزمون‌ها…";
    list.replaceChildren();
    stale.hidden = true;
    ranVersion = ed.getModel()?.getAlternativeVersionId();
    const answer = await runner.run({ kind: "tests", source: ed.getValue() });
    run.disabled = false;
    show(answer);
  }

  function show(answer: RunAnswer): void {
    if (answer.kind !== "tests") {
      summary.textContent = "";
      list.replaceChildren(compileProblems(answer, goTo));
      return;
    }
    const total = answer.passed + answer.failed;
    summary.textContent =
      total === 0
        ? "این پیش‌نویس آزمونی ندارد"
        : `${fa(total)} آزمون: ${fa(answer.passed)} درست، ${fa(answer.failed)} نادرست`;
    summary.dataset.state = answer.failed > 0 ? "error" : "ok";
    const failed = answer.tests.filter((t) => !t.ok);
    const passed = answer.tests.filter((t) => t.ok);
    list.replaceChildren(
      h("ol", { class: "failed" }, ...failed.map((t) => failedItem(t))),
      passed.length === 0
        ? ""
        : h(
            "details",
            { class: "passed" },
            h("summary", {}, `آزمون‌های درست (${fa(passed.length)})`),
            h("ol", {}, ...passed.map((t) => h("li", { class: "test pass" }, testLink(t)))),
          ),
    );
  }

  function testLink(t: TestOutcome): HTMLButtonElement {
    return button(`${t.ok ? "✓" : "✗"} ${t.name}`, () => goTo(t.line), {
      class: "test-name",
      title: `سطر ${fa(t.line)}`,
    });
  }

  function failedItem(t: TestOutcome): HTMLLIElement {
    const rows = t.rows.map((r) =>
      h(
        "tr",
        { class: r.same ? "same" : "differs" },
        h("th", {}, r.field),
        h("td", { class: "expected" }, r.expected),
        h("td", { class: "actual" }, r.actual),
      ),
    );
    const table =
      rows.length > 0
        ? h(
            "table",
            { class: "expectations" },
            h("thead", {}, h("tr", {}, h("th", {}, ""), h("th", {}, "انتظار"), h("th", {}, "پیش‌نویس"))),
            h("tbody", {}, ...rows),
          )
        : null;
    // When the rows cannot say it (the test's inputs are not a valid case), runTests' own lines do.
    const lines =
      rows.length === 0
        ? h("ul", { class: "failures" }, ...t.failures.map((f) => h("li", {}, f.split(" / ")[0] ?? f)))
        : null;
    return h("li", { class: "test fail" }, testLink(t), table, lines);
  }
}
