/**
 * Right-to-left lines. Monaco has no editor-wide RTL mode (and CSS direction: rtl on the editor breaks
 * its hit-testing), so each line whose first strong character is Persian gets a decoration with
 * `textDirection: RTL`, which lays that line out right to left with visual cursor movement.
 */
import { editor, Range } from "monaco-editor/editor";

const RTL_STRONG = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR_STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;
// Arabic-Indic and Persian digits are weak (AN/EN), not strong: a line starting «۱۰۰ ریال» is decided by «ر».
const PERSIAN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/;

/** Whether a line's first strong character is right-to-left (Persian); undefined when it has none. */
export function firstStrongIsRtl(line: string): boolean | undefined {
  for (const ch of line) {
    if (PERSIAN_DIGITS.test(ch)) continue;
    if (RTL_STRONG.test(ch)) return true;
    if (LTR_STRONG.test(ch)) return false;
  }
  return undefined;
}

/** Keeps the RTL decorations of `ed` in step with its text. */
export function trackDirection(ed: editor.IStandaloneCodeEditor): void {
  const decorations = ed.createDecorationsCollection();
  let current = "";
  const update = () => {
    const model = ed.getModel();
    if (!model) return;
    const lines: number[] = [];
    const count = model.getLineCount();
    for (let n = 1; n <= count; n++) if (firstStrongIsRtl(model.getLineContent(n))) lines.push(n);
    const key = lines.join(",");
    if (key === current) return;
    current = key;
    decorations.set(
      lines.map((n) => ({
        range: new Range(n, 1, n, 1),
        options: { isWholeLine: true, textDirection: editor.TextDirection.RTL },
      })),
    );
  };
  ed.onDidChangeModel(() => {
    current = "";
    update();
  });
  ed.onDidChangeModelContent((event) => {
    // setValue (opening another version) replaces the whole text and with it every decoration, even
    // when the RTL lines are the same numbers as before: set them again.
    if (event.isFlush) current = "";
    update();
  });
  update();
}
