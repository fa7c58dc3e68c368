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
import {
  type Clause,
  clauses,
  examples,
  type FundInfo,
  fundInfo,
  listFunds,
  RequestError,
  versionSource,
} from "./api";
import { registerAssist } from "./assist";
import { mountCasePanel } from "./case-panel";
import { registerCitationHover } from "./citations";
import { trackDiagnostics } from "./diagnostics";
import { trackDirection } from "./direction";
import { button, element } from "./dom";
import { drafts } from "./drafts";
import { fa } from "./fa";
import { LANGUAGE_ID, registerLanguage, THEME, THEME_DATA } from "./language";
import { Runner } from "./runner";
import { openSaveDialog } from "./save-dialog";
import type { SymbolSummary } from "./symbols";
import { mountTabs } from "./tabs";
import { mountTestsPanel } from "./tests-panel";
import { mountVersionsPanel, STATUS_FA } from "./versions-panel";

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

const FONT = "Vazirmatn";
/** How long typing pauses before the draft is written to localStorage. */
const KEEP_MS = 500;

const fundSelect = element<HTMLSelectElement>("fund");
const versionSelect = element<HTMLSelectElement>("version");
const status = element<HTMLSpanElement>("status");
const problems = element<HTMLOListElement>("problems");
const problemCount = element<HTMLSpanElement>("problem-count");
const dirty = element<HTMLSpanElement>("dirty");
const discard = element<HTMLButtonElement>("discard");

function setStatus(text: string, state: "idle" | "busy" | "error" = "idle"): void {
  status.textContent = text;
  status.dataset.state = state;
}

async function main(): Promise<void> {
  registerLanguage();
  let symbols: SymbolSummary[] = [];
  let clauseIndex: Clause[] | undefined;
  registerAssist(() => symbols);
  registerCitationHover(() => clauseIndex);
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

  const goTo = (line: number) => {
    ed.revealLineInCenter(line);
    ed.setPosition({ lineNumber: line, column: 1 });
    ed.focus();
  };
  const runner = new Runner();
  mountTestsPanel(element("panel-tests"), ed, runner);
  const casePanel = mountCasePanel(element("panel-case"), ed, runner);
  let caseFormFor: string | undefined;

  // What is open: the fund, the version the draft is based on, and that version's text.
  let fund: FundInfo | undefined;
  let base = "";
  let original = "";
  let keepTimer: ReturnType<typeof setTimeout> | undefined;

  const versionsPanel = mountVersionsPanel(element("panel-versions"), runner, {
    draft: () => ed.getValue(),
    base: () => base,
    open: (version) => void open(fundSelect.value, version),
    save: () => {
      if (!fund) return;
      const name = fund.fund;
      openSaveDialog(
        { fund: name, base, source: ed.getValue() },
        async (created) => {
          drafts.drop(name, base);
          const state = created.status === "published" ? "و منتشر شد" : "به‌صورت پیش‌نویس";
          try {
            await reloadFund(name, created.version);
            versionsPanel.notify(
              `نسخه‌ی ${fa(created.version)} ذخیره شد ${state}؛ ویرایشگر اکنون روی آن است.`,
            );
          } catch (e) {
            // Saved, but the listing could not be read again: say both, keep the text where it is.
            const why = e instanceof RequestError ? e.fa : "فهرست نسخه‌ها خوانده نشد";
            versionsPanel.notify(
              `نسخه‌ی ${fa(created.version)} ذخیره شد ${state}؛ اما ${why}. صفحه را دوباره بارگذاری کنید.`,
            );
          }
        },
        () => void rebase(name),
      );
    },
    goTo,
  });
  mountTabs(element("side"), (tab) => {
    // The form follows the draft's inputs: rebuilt when the tab is opened on a changed draft.
    if (tab === "case" && caseFormFor !== ed.getValue()) {
      caseFormFor = ed.getValue();
      void casePanel.refresh();
    }
  });

  const markDirty = () => {
    const changed = ed.getValue() !== original;
    dirty.hidden = !changed;
    discard.hidden = !changed;
    return changed;
  };
  ed.onDidChangeModelContent(() => {
    const changed = markDirty();
    clearTimeout(keepTimer);
    const [name, on] = [fundSelect.value, base];
    keepTimer = setTimeout(() => {
      if (changed) drafts.keep(name, on, ed.getValue());
      else drafts.drop(name, on);
    }, KEEP_MS);
  });
  discard.addEventListener("click", () => {
    if (!confirm("تغییرات ذخیره‌نشده دور انداخته شود؟")) return;
    clearTimeout(keepTimer);
    drafts.drop(fundSelect.value, base);
    ed.setValue(original);
    markDirty();
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

  const open = async (name: string, version: string) => {
    setStatus("در حال بارگذاری…", "busy");
    try {
      const text = await versionSource(name, version);
      clearTimeout(keepTimer);
      original = text;
      base = version;
      versionSelect.value = version;
      const kept = drafts.load(name, version);
      ed.setValue(kept ?? text);
      ed.setScrollTop(0);
      markDirty();
      dirty.textContent =
        kept !== undefined && kept !== text
          ? "تغییرات ذخیره‌نشده (از این مرورگر بازگردانده شد)"
          : "تغییرات ذخیره‌نشده";
      const url = new URL(location.href);
      url.searchParams.set("fund", name);
      url.searchParams.set("version", version);
      history.replaceState(null, "", url);
      if (fund) versionsPanel.show(fund);
    } catch (e) {
      setStatus(e instanceof RequestError ? e.fa : "متن این نسخه خوانده نشد", "error");
    }
  };
  const showVersions = (info: FundInfo, chosen?: string) => {
    versionSelect.replaceChildren(
      ...info.versions.map((v) => {
        const label = [
          `نسخه‌ی ${fa(v.version)}`,
          v.date && fa(v.date),
          v.status && (STATUS_FA[v.status] ?? v.status),
        ]
          .filter(Boolean)
          .join(" — ");
        const option = new Option(label, v.version);
        if (v.note) option.title = v.note;
        return option;
      }),
    );
    versionSelect.value = chosen && info.versions.some((v) => v.version === chosen) ? chosen : info.latest;
  };
  /** Make a fund the open one: its versions, clause index and examples. */
  const useFund = (info: FundInfo, chosen?: string) => {
    fund = info;
    showVersions(info, chosen);
    versionsPanel.show(info);
    clauseIndex = undefined;
    void clauses(info.fund)
      .then((list) => {
        if (fund?.fund === info.fund) clauseIndex = list;
      })
      .catch(() => undefined);
    casePanel.setExamples([]);
    void examples(info.fund)
      .then((list) => {
        if (fund?.fund === info.fund) casePanel.setExamples(list);
      })
      .catch(() => undefined);
  };
  /**
   * After a refused save (409): the draft, as it is, moved onto the fund's latest version — the
   * listing read again, the latest version becomes its base, and the comparison is set against it so
   * the person sees what the other save changed before saving again.
   */
  const rebase = async (name: string) => {
    const text = ed.getValue();
    try {
      const info = await fundInfo(name);
      funds = funds.map((f) => (f.fund === name ? info : f));
      drafts.drop(name, base);
      drafts.keep(name, info.latest, text);
      useFund(info, info.latest);
      await open(name, info.latest);
      dirty.textContent = "تغییرات ذخیره‌نشده";
      versionsPanel.compareWith(info.latest);
      versionsPanel.notify(
        `پیش‌نویس اکنون بر پایه‌ی نسخه‌ی ${fa(info.latest)} است؛ پیش از ذخیره آن را با همین نسخه مقایسه کنید.`,
      );
    } catch (e) {
      setStatus(e instanceof RequestError ? e.fa : "فهرست نسخه‌ها خوانده نشد", "error");
    }
  };
  /** After a save: the fund's listing again, and the new version opened. */
  const reloadFund = async (name: string, version: string) => {
    const info = await fundInfo(name);
    funds = funds.map((f) => (f.fund === name ? info : f));
    useFund(info, version);
    await open(name, version);
  };

  const first = funds.find((f) => f.fund === params.get("fund")) ?? funds[0];
  if (!first) return;
  fundSelect.value = first.fund;
  useFund(first, params.get("version") ?? undefined);
  fundSelect.addEventListener("change", () => {
    const info = funds.find((f) => f.fund === fundSelect.value);
    if (!info) return;
    useFund(info);
    void open(info.fund, versionSelect.value);
  });
  versionSelect.addEventListener("change", () => void open(fundSelect.value, versionSelect.value));
  await open(first.fund, versionSelect.value);
}

function summary(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return "بی‌ایراد";
  const parts: string[] = [];
  if (errors) parts.push(`${fa(errors)} خطا`);
  if (warnings) parts.push(`${fa(warnings)} هشدار`);
  return parts.join("، ");
}

function showProblems(ed: editor.IStandaloneCodeEditor, diagnostics: Diagnostic[]): void {
  problemCount.textContent = diagnostics.length ? `(${fa(diagnostics.length)})` : "";
  problems.replaceChildren(
    ...diagnostics.map((d) => {
      const item = document.createElement("li");
      item.className = `problem ${d.severity}`;
      item.dataset.code = d.code;
      const where = button(
        `سطر ${fa(d.range.startLine)}`,
        () => {
          ed.revealLineInCenter(d.range.startLine);
          ed.setPosition({ lineNumber: d.range.startLine, column: d.range.startColumn });
          ed.focus();
        },
        { class: "where" },
      );
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
