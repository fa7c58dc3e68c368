/**
 * A form for one case, generated from the draft's compiled inputs: a field per input, labelled with
 * its Persian name — numbers and amounts as text that takes Persian digits, separators and scale words
 * («۱۲۰ میلیون ریال»), yes/no and one-of as choices, dates as Jalali text, lists as rows of their
 * fields. It reads back into case JSON keyed by the Persian names, and shows the engine's issues
 * beside the fields they name («وثایق[0].ارزش» for a list item's field).
 */
import type { InputDef, RecordField, ScalarType } from "../../artefact/types";
import type { CaseIssue } from "../../engine/index";
import { readAmount } from "./amount";
import { button, h } from "./dom";
import { showValue } from "./fa";

type Json = Record<string, unknown>;

const TYPE_FA: Record<ScalarType["kind"], string> = {
  number: "عدد",
  money: "مبلغ ریالی",
  percent: "درصد",
  bool: "بله/خیر",
  text: "متن",
  date: "تاریخ شمسی",
  enum: "یکی از",
};

const PLACEHOLDER: Partial<Record<ScalarType["kind"], string>> = {
  money: "مثلاً ۱۲۰ میلیون ریال",
  number: "مثلاً ۳۶",
  percent: "مثلاً ۴",
  date: "مثلاً ۱۴۰۳/۰۱/۱۵",
};

/** One scalar control: the element, how to read it (undefined: left empty) and how to fill it. */
interface Control {
  el: HTMLInputElement | HTMLSelectElement;
  read(): unknown;
  fill(v: unknown): void;
}

function scalarControl(type: ScalarType, label: string): Control {
  if (type.kind === "bool" || type.kind === "enum") {
    const options =
      type.kind === "bool"
        ? [
            ["true", "بله"],
            ["false", "خیر"],
          ]
        : type.members.map((m) => [m, m]);
    const el = h("select", { "aria-label": label });
    el.append(new Option("—", ""), ...options.map(([v, t]) => new Option(t, v)));
    return {
      el,
      read: () => (el.value === "" ? undefined : type.kind === "bool" ? el.value === "true" : el.value),
      fill: (v) => {
        el.value = v === undefined || v === null ? "" : String(v);
      },
    };
  }
  const el = h("input", { type: "text", "aria-label": label, placeholder: PLACEHOLDER[type.kind] ?? "" });
  const read = (): unknown => {
    const typed = el.value.trim();
    if (typed === "") return undefined;
    switch (type.kind) {
      case "money":
        return readAmount(typed, true);
      case "number":
        return readAmount(typed, false);
      case "percent":
        return readAmount(typed.replace(/[٪%]$/, "").trim(), false);
      default:
        return typed;
    }
  };
  const fill = (v: unknown) => {
    if (v === undefined || v === null) el.value = "";
    else if (typeof v === "number" || typeof v === "string")
      el.value = type.kind === "text" ? String(v) : showValue(String(v));
    else el.value = JSON.stringify(v);
  };
  return { el, read, fill };
}

/** A labelled field; `path` is how the engine names it in an issue. */
function field(
  path: string,
  label: string,
  type: ScalarType,
  required: boolean,
  control: Control,
): HTMLElement {
  return h(
    "label",
    { class: "field", "data-field": path },
    h("span", { class: "label" }, label, required ? "" : h("small", {}, " (اختیاری)")),
    control.el,
    h("small", { class: "type" }, TYPE_FA[type.kind]),
    h("span", { class: "issue", role: "alert" }),
  );
}

interface ListControl {
  el: HTMLElement;
  /** The items; an optional list with none is not sent at all (an empty list is not "not given"). */
  read(): Json[] | undefined;
  fill(items: unknown): void;
}

function listControl(input: InputDef, fields: RecordField[]): ListControl {
  const rows = h("ol", { class: "items" });
  let items: { controls: Map<string, Control>; el: HTMLElement }[] = [];
  const renumber = () =>
    items.forEach((item, i) => {
      for (const f of fields)
        item.el
          .querySelector(`[data-name="${CSS.escape(f.name)}"]`)
          ?.setAttribute("data-field", `${input.name}[${i}].${f.name}`);
    });
  const add = (values: Json = {}) => {
    const controls = new Map<string, Control>();
    const el = h("li", { class: "item" });
    for (const f of fields) {
      const c = scalarControl(f.type, f.name);
      c.fill(values[f.name] ?? (f.alias === undefined ? undefined : values[f.alias]));
      controls.set(f.name, c);
      const wrapper = field("", f.name, f.type, true, c);
      wrapper.dataset.name = f.name;
      el.append(wrapper);
    }
    const entry = { controls, el };
    el.append(
      button(
        "حذف",
        () => {
          items = items.filter((x) => x !== entry);
          el.remove();
          renumber();
        },
        { class: "remove" },
      ),
    );
    items.push(entry);
    rows.append(el);
    renumber();
  };
  const el = h(
    "fieldset",
    { class: "list", "data-field": input.name },
    h("legend", {}, input.name, h("small", {}, input.required ? " (فهرست)" : " (فهرست، اختیاری)")),
    rows,
    button(`افزودن به ${input.name}`, () => add(), { class: "add" }),
    h("span", { class: "issue", role: "alert" }),
  );
  return {
    el,
    read: () =>
      items.length === 0 && !input.required
        ? undefined
        : items.map((item) => {
            const out: Json = {};
            for (const [name, c] of item.controls) {
              const v = c.read();
              if (v !== undefined) out[name] = v;
            }
            return out;
          }),
    fill: (given) => {
      items = [];
      rows.replaceChildren();
      if (Array.isArray(given))
        for (const g of given) add(typeof g === "object" && g !== null ? (g as Json) : {});
    },
  };
}

export interface CaseForm {
  el: HTMLElement;
  read(): Json;
  fill(c: Json): void;
  /** Show the engine's issues by their fields; the ones no field matches are returned. */
  showIssues(issues: CaseIssue[]): CaseIssue[];
}

export function caseForm(inputs: InputDef[]): CaseForm {
  const readers: [string, () => unknown][] = [];
  const fillers: ((c: Json) => void)[] = [];
  const el = h("div", { class: "case-fields" });
  for (const input of inputs) {
    const pick = (c: Json) => c[input.name] ?? (input.alias === undefined ? undefined : c[input.alias]);
    if (input.type.kind === "list") {
      const list = listControl(input, input.type.fields);
      readers.push([input.name, list.read]);
      fillers.push((c) => list.fill(pick(c)));
      el.append(list.el);
    } else {
      const c = scalarControl(input.type, input.name);
      readers.push([input.name, c.read]);
      fillers.push((v) => c.fill(pick(v)));
      el.append(field(input.name, input.name, input.type, input.required, c));
    }
  }
  return {
    el,
    read: () => {
      const out: Json = {};
      for (const [name, read] of readers) {
        const v = read();
        if (v !== undefined) out[name] = v;
      }
      return out;
    },
    fill: (c) => {
      for (const f of fillers) f(c);
    },
    showIssues: (issues) => {
      for (const s of Array.from(el.querySelectorAll<HTMLElement>(".issue"))) s.textContent = "";
      for (const f of Array.from(el.querySelectorAll<HTMLElement>("[data-invalid]")))
        delete f.dataset.invalid;
      const unplaced: CaseIssue[] = [];
      for (const issue of issues) {
        const target = Array.from(el.querySelectorAll<HTMLElement>("[data-field]")).find(
          (f) => f.dataset.field === issue.field,
        );
        const slot = target?.querySelector<HTMLElement>(":scope > .issue");
        if (!target || !slot) {
          unplaced.push(issue);
          continue;
        }
        target.dataset.invalid = "";
        slot.textContent = slot.textContent ? `${slot.textContent}؛ ${issue.fa}` : issue.fa;
      }
      return unplaced;
    },
  };
}
