/** What a panel shows instead of its result when the draft (or a version) cannot run. */
import { button, h } from "./dom";
import { fa } from "./fa";
import type { RunAnswer } from "./run-protocol";

export function compileProblems(answer: RunAnswer, goTo: (line: number) => void): HTMLElement {
  if (answer.kind === "does-not-compile") {
    const head =
      answer.which === "draft"
        ? "پیش‌نویس خطا دارد و اجرا نمی‌شود؛ نخست این خطاها را برطرف کنید:"
        : "نسخه‌ی مقایسه خطا دارد و اجرا نمی‌شود:";
    return h(
      "div",
      { class: "run-problem" },
      h("p", {}, head),
      h(
        "ul",
        {},
        ...answer.errors.map((e) =>
          h(
            "li",
            {},
            answer.which === "draft"
              ? button(`سطر ${fa(e.line)}`, () => goTo(e.line), { class: "where" })
              : `سطر ${fa(e.line)}`,
            " ",
            e.fa,
          ),
        ),
      ),
    );
  }
  if (answer.kind === "failure")
    return h("p", { class: "run-problem" }, `اجرا از کار افتاد: ${answer.message}`);
  return h("p", { class: "run-problem" }, "پاسخ نامنتظر از اجراکننده");
}
