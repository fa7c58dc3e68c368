/**
 * Reading a case (what a caller sends) into run-time values.
 *
 * Steps, all before anything is evaluated:
 * 1. Keys: each key is normalised (Arabic ي ك → Persian, Persian/Arabic digits → ASCII, invisible
 *    marks dropped, NFC) and resolved to an input's Persian name, directly or through its ASCII alias;
 *    list items' keys likewise to their fields. `__proto__`, `constructor` and `prototype`, unknown
 *    keys, and a name sent together with its alias are errors. A JSON null counts as not sent.
 * 2. Values are normalised: numeric strings get ASCII digits, «٫» → ".", and lose «٬»/"," thousands
 *    separators (groups of three only); dates get ASCII digits; texts and one-of members are
 *    normalised like keys.
 * 3. Each value is checked against its declared type and converted: number and money → decimal;
 *    percent → decimal fraction (the caller sends percent points: "1.5" → 0.015); date "1403/01/15"
 *    or "1403-01-15" → day number; one-of and text → string; yes/no → boolean; list → array of
 *    records. Required inputs and every field of every list item must be present.
 * 4. The normalised case is validated against `artefact.inputSchema` (ajv, all errors, compiled
 *    once per artefact); its errors are added for fields step 3 did not already report (so each bad
 *    field gets the clearer message, and the schema can still add constraints of its own).
 * Every bad field is collected; if there is any, a CaseError lists them all and nothing is evaluated.
 *
 * What `inputSchema` must be for this to work (the compiler writes it):
 * - a JSON Schema (draft 2020-12; draft-07 is accepted if its `$schema` says so) of an object whose
 *   `properties` are keyed by the Persian input names ONLY. Aliases are resolved by the engine before
 *   validation, so alias keys never reach the schema (listing them too is harmless);
 * - `required`: the Persian names of required inputs; `additionalProperties: false` is fine;
 * - number / money / percent: `{ "type": ["number", "string"] }`, optionally with
 *   `"pattern": "^-?[0-9]+(\\.[0-9]+)?$"` — strings arrive already normalised to ASCII digits, with
 *   no grouping; percent in percent points;
 * - yes/no: `{ "type": "boolean" }`; text: `{ "type": "string" }`;
 * - one-of: `{ "enum": [<member names, normalised>] }`;
 * - date: `{ "type": "string" }`, optionally `"pattern": "^[0-9]{4}[/-][0-9]{1,2}[/-][0-9]{1,2}$"`;
 * - list: `{ "type": "array", "items": { "type": "object", "properties": {<Persian field names>},
 *   "required": [<all fields>], "additionalProperties": false } }`.
 * Patterns are matched against the normalised (ASCII-digit) text.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020";
import { DATE_PATTERN, isDerivedSchema } from "../artefact/input-schema";
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, MAX_LIST_ITEMS, MAX_TEXT_LENGTH } from "../artefact/limits";
import type { Artefact, InputDef, RecordField, ScalarType, ValueType } from "../artefact/types";
import { type Dec, dec, fromPercentPoints, PLAIN_DECIMAL } from "./decimal";
import { ArtefactError, CaseError, type CaseIssue } from "./errors";
import { parseJalali } from "./jalali";
import { normalizeNumberString, normalizeText } from "./normalize";
import { emptyRecord, type RecordValue, type RuntimeValue, type Scalar } from "./values";

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** The inputs of one case: Persian input name → run-time value (absent: not given). */
export type CaseValues = Map<string, RuntimeValue>;

export interface CaseReader {
  read(input: unknown): CaseValues;
}

type Json = Record<string, unknown>;
type Message = { fa: string; en: string };

const readers = new WeakMap<Artefact, CaseReader>();
const DATE_SHAPE = new RegExp(DATE_PATTERN);

/** The reader for an artefact; its case schema is compiled once (ArtefactError if it cannot be). */
export function caseReader(artefact: Artefact): CaseReader {
  let reader = readers.get(artefact);
  if (!reader) {
    reader = buildReader(artefact);
    readers.set(artefact, reader);
  }
  return reader;
}

function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  const draft07 = typeof schema.$schema === "string" && schema.$schema.includes("draft-07");
  const options = { allErrors: true, strict: false, allowUnionTypes: true };
  try {
    return draft07 ? new Ajv(options).compile(schema) : new Ajv2020(options).compile(schema);
  } catch (e) {
    throw new ArtefactError([`inputSchema does not compile: ${e instanceof Error ? e.message : String(e)}`]);
  }
}

function isPlainObject(v: unknown): v is Json {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const fieldKeyMaps = new WeakMap<readonly RecordField[], Map<string, RecordField>>();

/** A list's field look-up, built once per list type rather than once per case. */
function fieldKeys(fields: readonly RecordField[]): Map<string, RecordField> {
  let map = fieldKeyMaps.get(fields);
  if (!map) {
    map = keyMap(fields);
    fieldKeyMaps.set(fields, map);
  }
  return map;
}

function keyMap<T extends { name: string; alias?: string }>(defs: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const d of defs) {
    map.set(d.name, d);
    if (d.alias !== undefined) map.set(d.alias, d);
  }
  return map;
}

function typeName(t: ValueType): Message {
  switch (t.kind) {
    case "number":
      return { fa: "یک عدد", en: "a number" };
    case "money":
      return { fa: "یک مبلغ به ریال (عدد)", en: "an amount in rials (a number)" };
    case "percent":
      return { fa: "یک درصد (مثلاً 1.5 برای ۱٫۵٪)", en: "a percent in percent points (e.g. 1.5 for 1.5%)" };
    case "bool":
      return { fa: "true یا false", en: "true or false" };
    case "text":
      return { fa: "یک متن", en: "a text" };
    case "date":
      return { fa: "یک تاریخ شمسی مانند 1403/01/15", en: "a Jalali date such as 1403/01/15" };
    case "enum":
      return { fa: `یکی از: ${t.members.join("، ")}`, en: `one of: ${t.members.join(", ")}` };
    case "list":
      return { fa: "فهرستی (آرایه‌ای) از رکوردها", en: "a list (array) of records" };
  }
}

/**
 * A short view of what the caller sent, for a message. Arrays and objects are only named: a value
 * nested thousands deep must not take the message down with a stack overflow.
 */
function preview(v: unknown): string {
  if (Array.isArray(v)) return "[…]";
  if (typeof v === "object" && v !== null) return "{…}";
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  return String(v);
}

const ISSUES = {
  notObject: { fa: "پرونده باید یک شیء JSON باشد", en: "The case must be a JSON object" },
  forbidden: (k: string): Message => ({
    fa: `کلید «${k}» مجاز نیست`,
    en: `The key «${k}» is not allowed`,
  }),
  unknown: (k: string): Message => ({
    fa: `فیلد «${k}» در این قواعد تعریف نشده است`,
    en: `«${k}» is not a field of this ruleset`,
  }),
  twice: (name: string): Message => ({
    fa: `«${name}» دو بار آمده است (با نام و با نام مستعار)`,
    en: `«${name}» is given twice (by its name and by its alias)`,
  }),
  required: (name: string, alias: string | undefined): Message => ({
    fa: `فیلد الزامی «${name}»${alias ? ` (${alias})` : ""} داده نشده است`,
    en: `Required field «${name}»${alias ? ` (${alias})` : ""} is missing`,
  }),
  wrongType: (t: ValueType, got: unknown): Message => {
    const want = typeName(t);
    const shown = preview(got);
    return { fa: `باید ${want.fa} باشد، اما ${shown} آمده است`, en: `must be ${want.en}, got ${shown}` };
  },
  tooLarge: {
    fa: "عدد بیش از اندازه بزرگ یا دقیق است",
    en: "the number is too large or has too many decimals",
  },
  badDate: (got: string): Message => ({
    fa: `«${got}» تاریخ شمسی درستی نیست (مانند 1403/01/15)`,
    en: `«${got}» is not a valid Jalali date (like 1403/01/15)`,
  }),
  notMember: (got: string, members: string[]): Message => ({
    fa: `«${got}» از گزینه‌های مجاز نیست؛ یکی از: ${members.join("، ")}`,
    en: `«${got}» is not allowed; one of: ${members.join(", ")}`,
  }),
  notRecord: (got: unknown): Message => {
    const shown = preview(got);
    return {
      fa: `هر قلم فهرست باید یک رکورد (شیء JSON) باشد، اما ${shown} آمده است`,
      en: `each list item must be a record (a JSON object), got ${shown}`,
    };
  },
  tooMany: {
    fa: `فهرست بیش از ${MAX_LIST_ITEMS} قلم دارد`,
    en: `the list has more than ${MAX_LIST_ITEMS} items`,
  },
};

function schemaIssue(err: ErrorObject): Message {
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case "type":
      return { fa: `نوع مقدار نادرست است (باید ${String(p.type)} باشد)`, en: `must be ${String(p.type)}` };
    case "enum":
      return {
        fa: `مقدار از گزینه‌های مجاز نیست؛ یکی از: ${(p.allowedValues as unknown[]).join("، ")}`,
        en: `must be one of: ${(p.allowedValues as unknown[]).join(", ")}`,
      };
    case "pattern":
    case "format":
      return { fa: "قالب مقدار درست نیست", en: `has the wrong format (${err.message ?? err.keyword})` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return {
        fa: `خارج از بازه‌ی مجاز است (${err.message ?? ""})`,
        en: `is out of range (${err.message ?? ""})`,
      };
    default:
      return { fa: `مقدار نامعتبر است (${err.message ?? err.keyword})`, en: err.message ?? err.keyword };
  }
}

interface ReadState {
  /**
   * Whether to record how the caller wrote each key. Only a message needs it, so a case is read
   * without it first, and read again with it only when something is wrong.
   */
  track: boolean;
  issues: CaseIssue[];
  /** Normalised path ("name", "list/0/field") → the key path as the caller wrote it. */
  shown: Map<string, string>;
  /** Normalised paths that already have an issue: not converted again. */
  bad: Set<string>;
  /** Field and message of every issue so far: each is reported once. */
  reported: Set<string>;
}

/** The path as the caller wrote it: the longest known prefix, then "[i]" and ".field" steps. */
function shownPath(state: ReadState, path: string): string {
  const segments = path.split("/");
  for (let i = segments.length; i > 0; i--) {
    const known = state.shown.get(segments.slice(0, i).join("/"));
    if (known === undefined) continue;
    return segments
      .slice(i)
      .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : `${acc}.${seg}`), known);
  }
  return segments.reduce(
    (acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg),
    "",
  );
}

function issue(state: ReadState, path: string, message: Message): void {
  const field = shownPath(state, path);
  state.bad.add(path);
  const key = `${field}\u0000${message.en}`;
  if (state.reported.has(key)) return;
  state.reported.add(key);
  state.issues.push({ field, ...message });
}

/** Step 2 for a scalar: normalise it the way its type reads it (still JSON). */
function normalizeScalar(v: unknown, type: ScalarType): unknown {
  if (typeof v !== "string") return v;
  switch (type.kind) {
    case "number":
    case "money":
    case "percent":
      return normalizeNumberString(v);
    case "date":
      return normalizeText(v.trim());
    case "text":
    case "enum":
      return normalizeText(v);
    case "bool":
      return v;
  }
}

/** Step 2: normalise a value the way its type reads it (still JSON; converted in step 4). */
function normalizeValue(
  v: unknown,
  type: ValueType,
  path: string,
  shownPath: string,
  state: ReadState,
): unknown {
  switch (type.kind) {
    case "list": {
      if (!Array.isArray(v)) return v;
      if (v.length > MAX_LIST_ITEMS) {
        issue(state, path, ISSUES.tooMany);
        return v;
      }
      const fields = fieldKeys(type.fields);
      return v.map((item, i) => {
        if (!isPlainObject(item)) return item;
        const itemPath = state.track ? `${path}/${i}` : path;
        const shownItem = state.track ? `${shownPath}[${i}]` : "";
        const record: Json = Object.create(null) as Json;
        normalizeObject(item, fields, record, itemPath, shownItem, state);
        return record;
      });
    }
    default:
      return normalizeScalar(v, type);
  }
}

/** Steps 1–2 for one object (the case, or a list item): resolve keys, normalise values. */
function normalizeObject<T extends { name: string; alias?: string; type: ValueType }>(
  source: Json,
  defs: Map<string, T>,
  target: Json,
  prefix: string,
  shownPrefix: string,
  state: ReadState,
): void {
  const join = (a: string, b: string, sep: string) => (a ? `${a}${sep}${b}` : b);
  for (const key of Object.keys(source)) {
    // Paths only serve messages: built when reading again to report (state.track).
    const keyPath = state.track ? join(prefix, key, "/") : "";
    const shown = state.track ? join(shownPrefix, key, ".") : "";
    if (state.track) state.shown.set(keyPath, shown);
    if (FORBIDDEN_KEYS.has(key)) {
      issue(state, keyPath, ISSUES.forbidden(key));
      continue;
    }
    // Names and aliases are stored normalised, so a key that is one needs no normalising.
    let def = defs.get(key);
    if (!def) {
      const normalKey = normalizeText(key);
      if (FORBIDDEN_KEYS.has(normalKey)) {
        issue(state, keyPath, ISSUES.forbidden(key));
        continue;
      }
      def = defs.get(normalKey);
    }
    if (!def) {
      issue(state, keyPath, ISSUES.unknown(key));
      continue;
    }
    const path = state.track ? join(prefix, def.name, "/") : def.name;
    if (Object.hasOwn(target, def.name)) {
      if (state.track) state.shown.set(path, join(shownPrefix, def.name, "."));
      issue(state, path, ISSUES.twice(def.name));
      continue;
    }
    if (state.track) state.shown.set(path, shown);
    const value = source[key];
    if (value === null || value === undefined) continue;
    target[def.name] = normalizeValue(value, def.type, path, shown, state);
  }
}

/** A plain decimal string's integer digits (leading zeros aside) and fraction digits. */
const DIGITS = /^-?0*(\d*?)(?:\.(\d+))?$/;

function decimalOf(v: unknown): Dec | "type" | "size" {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "type";
    if (Math.abs(v) >= 10 ** MAX_INTEGER_DIGITS) return "size";
    const d = dec(v);
    return d.decimalPlaces() > MAX_FRACTION_DIGITS ? "size" : d;
  }
  if (typeof v !== "string" || !PLAIN_DECIMAL.test(v)) return "type";
  // The limits are read off the text, before any decimal is built from it.
  const point = v.indexOf(".");
  const integerEnd = point < 0 ? v.length : point;
  if (point >= 0 && v.length - point - 1 > MAX_FRACTION_DIGITS) return "size";
  if (integerEnd > MAX_INTEGER_DIGITS) {
    const [, integer = ""] = DIGITS.exec(v) ?? [];
    if (integer.length > MAX_INTEGER_DIGITS) return "size";
  }
  return dec(v);
}

/** Why a scalar could not be converted; its message is made only when one is needed. */
class Unconvertible {
  constructor(readonly why: "type" | "size" | "date" | "member") {}
}
const WRONG_TYPE = new Unconvertible("type");
const TOO_LARGE = new Unconvertible("size");
const BAD_DATE = new Unconvertible("date");
const NOT_MEMBER = new Unconvertible("member");

/** Step 4 for a scalar: the run-time value, or why it cannot be one. */
function convertScalar(v: unknown, type: ScalarType): Scalar | Unconvertible {
  switch (type.kind) {
    case "number":
    case "money":
    case "percent": {
      const d = decimalOf(v);
      if (d === "type") return WRONG_TYPE;
      if (d === "size") return TOO_LARGE;
      return type.kind === "percent" ? fromPercentPoints(d) : d;
    }
    case "bool":
      return typeof v === "boolean" ? v : WRONG_TYPE;
    case "text":
      return typeof v === "string" ? v : WRONG_TYPE;
    case "enum":
      if (typeof v !== "string") return WRONG_TYPE;
      return memberSet(type.members).has(v) ? v : NOT_MEMBER;
    case "date": {
      if (typeof v !== "string") return WRONG_TYPE;
      const day = parseJalali(v);
      return day === undefined ? BAD_DATE : dec(day);
    }
  }
}

function unconvertibleMessage(u: Unconvertible, v: unknown, type: ScalarType): Message {
  switch (u.why) {
    case "type":
      return ISSUES.wrongType(type, v);
    case "size":
      return ISSUES.tooLarge;
    case "date":
      return ISSUES.badDate(String(v));
    case "member":
      return ISSUES.notMember(String(v), type.kind === "enum" ? type.members : []);
  }
}

const memberSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** A one-of type's members as a set, built once per type. */
function memberSet(members: readonly string[]): ReadonlySet<string> {
  let set = memberSets.get(members);
  if (!set) {
    set = new Set(members);
    memberSets.set(members, set);
  }
  return set;
}

function convertList(v: unknown, fields: RecordField[], type: ValueType, path: string, state: ReadState) {
  if (!Array.isArray(v)) {
    issue(state, path, ISSUES.wrongType(type, v));
    return undefined;
  }
  const out: RecordValue[] = [];
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    const itemPath = state.track ? `${path}/${i}` : path;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      issue(state, itemPath, ISSUES.notRecord(item));
      continue;
    }
    const source = item as Json;
    const record = emptyRecord();
    for (const f of fields) {
      const fieldPath = state.track ? `${itemPath}/${f.name}` : itemPath;
      if (state.bad.has(fieldPath)) continue;
      const raw = source[f.name];
      if (raw === undefined) {
        issue(state, fieldPath, ISSUES.required(f.name, f.alias));
        continue;
      }
      const r = convertScalar(raw, f.type);
      if (r instanceof Unconvertible) issue(state, fieldPath, unconvertibleMessage(r, raw, f.type));
      else record[f.name] = r;
    }
    out.push(record);
  }
  return out;
}

/** Whether the path, or a path it lies under, already has an issue. */
function reported(state: ReadState, path: string): boolean {
  const segments = path.split("/");
  for (let i = 1; i <= segments.length; i++) if (state.bad.has(segments.slice(0, i).join("/"))) return true;
  return false;
}

function schemaPath(err: ErrorObject): string {
  const segments = err.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const p = err.params as Record<string, unknown>;
  const extra = err.keyword === "required" ? p.missingProperty : p.additionalProperty;
  if (typeof extra === "string") segments.push(extra);
  return segments.join("/");
}

/**
 * A reader for the artefact. `fastPath: false` reads every case the full way: only for the test that
 * checks that the fast path accepts nothing the full reading rejects and gives the same values.
 */
export function buildReader(artefact: Artefact, { fastPath: useFastPath = true } = {}): CaseReader {
  const validate = compileSchema(artefact.inputSchema);
  const defs = keyMap<InputDef>(artefact.inputs);
  // The compiler's own schema checks nothing the fast path does not: the fast path then skips it.
  const own = isDerivedSchema(artefact.inputSchema, artefact.inputs) ? undefined : validate;
  const fast = useFastPath ? fastPath(artefact, own) : () => undefined;

  return {
    read(input: unknown): CaseValues {
      if (!isPlainObject(input)) throw new CaseError([{ field: "", ...ISSUES.notObject }]);
      const values = fast(input);
      if (values) return values;
      const full = attempt(input, false);
      if (full.issues.length === 0) return full.values;
      // Something is wrong: read again, recording how the caller wrote each key, for the messages.
      throw new CaseError(attempt(input, true).issues);
    },
  };

  function attempt(input: Json, track: boolean): { values: CaseValues; issues: CaseIssue[] } {
    const state: ReadState = { track, issues: [], shown: new Map(), bad: new Set(), reported: new Set() };
    const normalized: Json = Object.create(null) as Json;
    normalizeObject(input, defs, normalized, "", "", state);

    // Step 4 first, so each bad value gets the converter's message (it knows the declared type);
    // then the schema may add what only it knows, on paths not already reported.
    const values: CaseValues = new Map();
    for (const def of artefact.inputs) {
      const raw = normalized[def.name];
      if (state.bad.has(def.name)) continue;
      if (raw === undefined) {
        if (def.required) issue(state, def.name, ISSUES.required(def.name, def.alias));
        continue;
      }
      if (def.type.kind === "list") {
        const list = convertList(raw, def.type.fields, def.type, def.name, state);
        if (list) values.set(def.name, list);
      } else {
        const r = convertScalar(raw, def.type);
        if (r instanceof Unconvertible) issue(state, def.name, unconvertibleMessage(r, raw, def.type));
        else values.set(def.name, r);
      }
    }

    if (!validate(normalized)) {
      for (const err of validate.errors ?? []) {
        const path = schemaPath(err);
        if (reported(state, path)) continue;
        if (err.keyword === "required") {
          const def = defs.get(path.split("/").pop() ?? "");
          issue(state, path, ISSUES.required(def?.name ?? path, def?.alias));
        } else if (err.keyword === "additionalProperties") {
          issue(state, path, ISSUES.unknown(path));
        } else {
          issue(state, path, schemaIssue(err));
        }
      }
    }
    return { values, issues: state.issues };
  }
}

/**
 * Steps 1–4 for a case with nothing wrong in it, in one pass and without the bookkeeping that only
 * messages need: the values, or undefined at the first thing that is not plainly right (then the
 * full reading above decides, and reports). It accepts only what the full reading accepts, and gives
 * the same values: test/engine/case-fast-path.test.ts reads every case both ways.
 *
 * `validate` is the artefact's own case schema, when it has one: the normalised JSON is then built
 * for it. Without one (the schema is the compiler's), the checks that schema makes and step 3 does
 * not — a text's length, a date's four-digit year — are made here instead.
 */
function fastPath(
  artefact: Artefact,
  validate: ValidateFunction | undefined,
): (input: Json) => CaseValues | undefined {
  // Forbidden names are left out: such a key always goes to the full reading, which reports it.
  const usable = <T extends { name: string; alias?: string }>(list: readonly T[]) =>
    new Map([...keyMap(list)].filter(([key, d]) => !FORBIDDEN_KEYS.has(key) && !FORBIDDEN_KEYS.has(d.name)));
  const inputs = usable(artefact.inputs);
  const required = artefact.inputs.filter((d) => d.required).map((d) => d.name);
  const fieldsOf = new Map(
    artefact.inputs.flatMap((d) =>
      d.type.kind === "list" ? [[d.name, usable(d.type.fields)] as const] : [],
    ),
  );

  const keyed = <T extends { name: string }>(map: ReadonlyMap<string, T>, key: string) =>
    map.get(key) ?? map.get(normalizeText(key));

  /** A scalar's run-time value, or undefined when it is not plainly right. */
  const scalar = (n: unknown, type: ScalarType): Scalar | undefined => {
    if (validate === undefined && typeof n === "string") {
      if (type.kind === "text" && n.length > MAX_TEXT_LENGTH) return undefined;
      if (type.kind === "date" && !DATE_SHAPE.test(n)) return undefined;
    }
    const r = convertScalar(n, type);
    return r instanceof Unconvertible ? undefined : r;
  };

  /** A list's items as records, or undefined. `normalized` receives the JSON the schema validates. */
  const readList = (
    v: unknown,
    fields: ReadonlyMap<string, RecordField>,
    declared: readonly RecordField[],
    normalized: Json[] | undefined,
  ): RecordValue[] | undefined => {
    if (!Array.isArray(v) || v.length > MAX_LIST_ITEMS) return undefined;
    const records: RecordValue[] = [];
    for (const item of v) {
      if (!isPlainObject(item)) return undefined;
      const record = emptyRecord();
      const json: Json | undefined = normalized && {};
      for (const key of Object.keys(item)) {
        const f = keyed(fields, key);
        if (f === undefined || record[f.name] !== undefined) return undefined;
        const raw = item[key];
        if (raw === null || raw === undefined) continue;
        const n = normalizeScalar(raw, f.type);
        if (json) json[f.name] = n;
        const r = scalar(n, f.type);
        if (r === undefined) return undefined;
        record[f.name] = r;
      }
      for (const f of declared) if (record[f.name] === undefined) return undefined;
      records.push(record);
      if (json) normalized?.push(json);
    }
    return records;
  };

  return (input) => {
    // A plain object: no name here is forbidden, so no key can reach its prototype.
    const normalized: Json | undefined = validate && {};
    const values: CaseValues = new Map();
    for (const key of Object.keys(input)) {
      const def = keyed(inputs, key);
      // A name given twice (as itself and as its alias): the full reading reports it. (A null counts
      // as not given there too, so it sets nothing here.)
      if (def === undefined || values.has(def.name)) return undefined;
      const raw = input[key];
      if (raw === null || raw === undefined) continue;
      if (def.type.kind === "list") {
        const items: Json[] | undefined = normalized && [];
        const list = readList(raw, fieldsOf.get(def.name) ?? new Map(), def.type.fields, items);
        if (!list) return undefined;
        if (normalized) normalized[def.name] = items;
        values.set(def.name, list);
        continue;
      }
      const n = normalizeScalar(raw, def.type);
      if (normalized) normalized[def.name] = n;
      const r = scalar(n, def.type);
      if (r === undefined) return undefined;
      values.set(def.name, r);
    }
    for (const name of required) if (!values.has(name)) return undefined;
    return validate === undefined || validate(normalized) ? values : undefined;
  };
}
