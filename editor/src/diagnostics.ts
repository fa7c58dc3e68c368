/**
 * Diagnostics as the person types: the text goes to the checker worker after a short pause, at most
 * one check runs at a time (a newer text waits for it, older waiting texts are dropped), and only the
 * answer for the model's current version becomes markers — so a marker never points into text that
 * has since changed.
 */
import { editor, MarkerSeverity } from "monaco-editor/editor";
import type { Diagnostic } from "../../dsl/index";
import CheckWorker from "./check.worker?worker";
import type { CheckRequest, CheckResponse } from "./protocol";
import type { SymbolSummary } from "./symbols";

export const MARKER_OWNER = "zavabet";
/**
 * No pause after a keystroke beyond the current task (one edit's several change events go as one
 * text): checks never overlap, and while one runs only the newest text waits, so fast typing costs at
 * most one check in flight and one waiting, and the answer to the last keystroke comes one or two
 * check times after it — not a pause plus a check (a 250 ms pause was most of the time a person saw).
 */
const PAUSE_MS = 0;

export interface CheckListener {
  checking(): void;
  checked(diagnostics: Diagnostic[], symbols: SymbolSummary[], failure?: string): void;
}

export function trackDiagnostics(ed: editor.IStandaloneCodeEditor, listener: CheckListener): void {
  const worker = new CheckWorker();
  let busy = false;
  let waiting: CheckRequest | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (request: CheckRequest) => {
    if (busy) {
      waiting = request;
      return;
    }
    busy = true;
    worker.postMessage(request);
  };

  worker.onmessage = (event: MessageEvent<CheckResponse>) => {
    busy = false;
    const next = waiting;
    waiting = undefined;
    if (next) send(next);
    const model = ed.getModel();
    if (!model || event.data.version !== model.getVersionId() || next) return;
    editor.setModelMarkers(model, MARKER_OWNER, event.data.diagnostics.map(toMarker));
    listener.checked(event.data.diagnostics, event.data.symbols, event.data.failure);
  };

  const schedule = (delay: number) => {
    clearTimeout(timer);
    listener.checking();
    timer = setTimeout(() => {
      const model = ed.getModel();
      if (model) send({ version: model.getVersionId(), text: model.getValue() });
    }, delay);
  };
  ed.onDidChangeModelContent(() => schedule(PAUSE_MS));
  ed.onDidChangeModel(() => schedule(0));
}

function toMarker(d: Diagnostic): editor.IMarkerData {
  return {
    severity: d.severity === "error" ? MarkerSeverity.Error : MarkerSeverity.Warning,
    code: d.code,
    message: `${d.message.fa}\n${d.message.en}`,
    startLineNumber: d.range.startLine,
    startColumn: d.range.startColumn,
    endLineNumber: d.range.endLine,
    // A diagnostic of zero width would not show: at least one character.
    endColumn: Math.max(
      d.range.endColumn,
      d.range.startLine === d.range.endLine ? d.range.startColumn + 1 : 1,
    ),
  };
}
