/**
 * The editor page: pick a fund and a version, edit its rules in Monaco with the language registered,
 * RTL lines, and the checker's diagnostics as you type (markers in the text, the list beside it).
 */
import "@fontsource/vazirmatn/400.css";
import "@fontsource/vazirmatn/700.css";
import "./style.css";
// Only the editor core and the features the page uses are bundled (no languages, no other features).
import "monaco-editor/features/hover/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/suggest/register";
import "monaco-editor/features/snippet/register";
// 0.57's features/suggest/register brings only inline suggestions; the completion list itself is this
// contribution, which only the full editor.main imports.
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import { editor } from "monaco-editor/editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import type { Diagnostic } from "../../dsl/index";
import { type FundInfo, listFunds, RequestError, versionSource } from "./api";
import { registerAssist } from "./assist";
import { trackDiagnostics } from "./diagnostics";
import { trackDirection } from "./direction";
import { LANGUAGE_ID, registerLanguage, THEME, THEME_DATA } from "./language";
import type { SymbolSummary } from "./symbols";

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

const FONT = "Vazirmatn";

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el as T;
}

const fundSelect = element<HTMLSelectElement>("fund");
const versionSelect = element<HTMLSelectElement>("version");
const status = element<HTMLSpanElement>("status");
const problems = element<HTMLOListElement>("problems");
const problemCount = element<HTMLSpanElement>("problem-count");

const persianDigits = (n: number | string) =>
  String(n).replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);

function setStatus(text: string, state: "idle" | "busy" | "error" = "idle"): void {
  status.textContent = text;
  status.dataset.state = state;
}

async function main(): Promise<void> {
  registerLanguage();
  let symbols: SymbolSummary[] = [];
  registerAssist(() => symbols);
  editor.defineTheme(THEME, THEME_DATA);
  // Monaco measures glyphs when it starts: the font must be there first.
  await document.fonts.load(`16px ${FONT}`).catch(() => []);

  const ed = editor.create(element("editor"), {
    language: LANGUAGE_ID,
    theme: THEME,
    value: "",
    fontFamily: `${FONT}, monospace`,
    fontSize: 16,
    lineHeight: 28,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastColumn: 0,
    // An RTL line is aligned to the right edge of the scroll width: wrapping keeps that edge in view.
    wordWrap: "on",
    // Vazirmatn is proportional: wrap by measured widths, not by character counts.
    wrappingStrategy: "advanced",
    // Persian digits and letters are not look-alikes to confuse here, and ZWNJ belongs in names.
    unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
    renderControlCharacters: false,
    glyphMargin: true,
    ariaLabel: "متن قواعد",
  });
  trackDirection(ed);
  trackDiagnostics(ed, {
    checking: () => setStatus("در حال بررسی…", "busy"),
    checked: (diagnostics, found, failure) => {
      symbols = found;
      showProblems(ed, diagnostics);
      if (failure) setStatus(`بررسی‌کننده از کار افتاد: ${failure}`, "error");
      else
        setStatus(summary(diagnostics), diagnostics.some((d) => d.severity === "error") ? "error" : "idle");
    },
  });

  const params = new URLSearchParams(location.search);
  let funds: FundInfo[];
  try {
    funds = await listFunds();
  } catch (e) {
    setStatus(e instanceof RequestError ? e.fa : "فهرست قواعد خوانده نشد", "error");
    return;
  }
  if (funds.length === 0) {
    setStatus("هیچ قواعدی در مخزن نیست", "error");
    return;
  }
  fundSelect.replaceChildren(...funds.map((f) => new Option(f.fund, f.fund)));

  const open = async (fund: string, version: string) => {
    setStatus("در حال بارگذاری…", "busy");
    try {
      const text = await versionSource(fund, version);
      ed.setValue(text);
      ed.setScrollTop(0);
      const url = new URL(location.href);
      url.searchParams.set("fund", fund);
      url.searchParams.set("version", version);
      history.replaceState(null, "", url);
    } catch (e) {
      setStatus(e instanceof RequestError ? e.fa : "متن این نسخه خوانده نشد", "error");
    }
  };
  const showVersions = (fund: FundInfo, chosen?: string) => {
    versionSelect.replaceChildren(
      ...fund.versions.map((v) => {
        const label = [`نسخه‌ی ${persianDigits(v.version)}`, v.date && persianDigits(v.date), v.status]
          .filter(Boolean)
          .join(" — ");
        const option = new Option(label, v.version);
        if (v.note) option.title = v.note;
        return option;
      }),
    );
    versionSelect.value = chosen && fund.versions.some((v) => v.version === chosen) ? chosen : fund.latest;
  };

  const first = funds.find((f) => f.fund === params.get("fund")) ?? funds[0];
  if (!first) return;
  fundSelect.value = first.fund;
  showVersions(first, params.get("version") ?? undefined);
  fundSelect.addEventListener("change", () => {
    const fund = funds.find((f) => f.fund === fundSelect.value);
    if (!fund) return;
    showVersions(fund);
    void open(fund.fund, versionSelect.value);
  });
  versionSelect.addEventListener("change", () => void open(fundSelect.value, versionSelect.value));
  await open(first.fund, versionSelect.value);
}

function summary(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return "بی‌ایراد";
  const parts: string[] = [];
  if (errors) parts.push(`${persianDigits(errors)} خطا`);
  if (warnings) parts.push(`${persianDigits(warnings)} هشدار`);
  return parts.join("، ");
}

function showProblems(ed: editor.IStandaloneCodeEditor, diagnostics: Diagnostic[]): void {
  problemCount.textContent = diagnostics.length ? `(${persianDigits(diagnostics.length)})` : "";
  problems.replaceChildren(
    ...diagnostics.map((d) => {
      const item = document.createElement("li");
      item.className = `problem ${d.severity}`;
      item.dataset.code = d.code;
      const where = document.createElement("button");
      where.type = "button";
      where.className = "where";
      where.textContent = `سطر ${persianDigits(d.range.startLine)}`;
      where.addEventListener("click", () => {
        ed.revealLineInCenter(d.range.startLine);
        ed.setPosition({ lineNumber: d.range.startLine, column: d.range.startColumn });
        ed.focus();
      });
      const message = document.createElement("span");
      message.className = "message";
      message.textContent = d.message.fa;
      message.title = d.message.en;
      item.append(where, " ", message);
      return item;
    }),
  );
}

void main();
