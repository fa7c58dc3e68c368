/**
 * The one pass that learns what a file means: the symbol table, what every bare name refers to,
 * the type of every expression, and the order computed values must be evaluated in. The checks
 * (scope.ts, types.ts, ...) only read what this pass learned; the compiler and the editor reuse it.
 *
 * Resolution and typing are one walk because each needs the other: a bare name compared with a
 * one-of is a member of that one-of, which is only known once the other side is typed; and a
 * value may be used before it is declared, so values and tables are typed on first use.
 */
import type { RecordField, ScalarType, SourceRange } from "../../artefact/types";
import { type Diagnostic, diagnostic } from "../diagnostics";
import type { Expr, Name, NameRef, Node, ParameterDecl, RulesetFile, TestValue } from "../syntax/ast";
import { nameKey } from "../text";
import type { Analysis, LangType, SymbolInfo } from "./analysis";
import { cyclePath, dependencyOrder } from "./order";
import {
  arithType,
  BOOL,
  DATE,
  declaredType,
  isNumeric,
  isScalar,
  NUMBER,
  numberLitType,
  TEXT,
  unifyOrFirst,
} from "./type-rules";

export type Call = Extract<Expr, { kind: "call" }>;
export type Resolution = NonNullable<ReturnType<Analysis["resolve"]>>;
type TableSymbol = Extract<SymbolInfo, { kind: "table" }>;
type ValueSymbol = Extract<SymbolInfo, { kind: "value" }>;
export type InputSymbol = Extract<SymbolInfo, { kind: "input" }>;

/** What the checks need beyond what the compiler and the editor consume. */
export interface CheckedAnalysis extends Analysis {
  /** Every bare name that was resolved (or failed to), in walk order. */
  refs: NameRef[];
  /** Every call: built-ins and table look-ups. */
  calls: Call[];
  /** First declarations in source order; a set target at its first «تعیین». */
  declared: { key: string; name: Name; symbol: SymbolInfo }[];
  /** Names whose declaration is too broken to use (no type, no value): the parser has said why. */
  partial: Set<string>;
  /** Second and later declarations of a name (also a repeated member of a one-of or field of a list). */
  duplicates: { name: Name; firstLine: number }[];
  /** The names a reader could have meant where an unresolved name stands: fields in scope, then declarations. */
  visibleAt(ref: NameRef): string[];
  /** The input a test gives, by its name or its ASCII alias. */
  inputNamed(name: string): InputSymbol | undefined;
}

/** `گرد(x، ۰، پایین)`: the mode as a word in third place (see ast.ts); not a name to resolve. */
const ROUND_MODE_WORDS = new Set(["بانکی", "بالا", "پایین"]);

export function isRoundModeWord(call: Call, index: number): boolean {
  const arg = call.args[index];
  return (
    call.builtin === "round" && index === 2 && arg?.kind === "name" && ROUND_MODE_WORDS.has(nameKey(arg.name))
  );
}

/** The names an aggregate brings into scope: the fields of the list's item, innermost first. */
interface Frame {
  list: string;
  fields: Map<string, RecordField>;
  parent: Frame | undefined;
}

/** A parameter's type, read off its literal (a unary minus on a number included). */
export function parameterType(decl: ParameterDecl): ScalarType | undefined {
  let x = decl.value;
  while (x?.kind === "paren" || x?.kind === "neg") x = x.kind === "paren" ? x.inner : x.operand;
  if (decl.value?.kind === "neg" && x?.kind !== "number") return undefined;
  switch (x?.kind) {
    case "number":
      return numberLitType(x);
    case "string":
      return TEXT;
    case "bool":
      return BOOL;
    case "date":
      return DATE;
    default:
      return undefined;
  }
}

function startsBefore(a: SourceRange, b: SourceRange): number {
  return a.startLine - b.startLine || a.startColumn - b.startColumn;
}

class Analyser {
  readonly symbols = new Map<string, SymbolInfo>();
  readonly refs: NameRef[] = [];
  readonly calls: Call[] = [];
  readonly declared: CheckedAnalysis["declared"] = [];
  /** The first declaration of each name (a file may declare tens of thousands). */
  private readonly declaredByKey = new Map<string, CheckedAnalysis["declared"][number]>();
  readonly duplicates: CheckedAnalysis["duplicates"] = [];
  readonly partial = new Set<string>();
  readonly diagnostics: Diagnostic[] = [];
  readonly types = new Map<Expr, LangType>();
  readonly resolutions = new Map<NameRef, Resolution>();
  readonly unresolvedFrames = new Map<NameRef, Frame | undefined>();
  private readonly seen = new Set<Expr>();
  private readonly state = new Map<string, "busy" | "done">();
  private readonly edges = new Map<string, Set<string>>();
  private owner: string | undefined;

  constructor(
    private readonly file: RulesetFile,
    /** Declarations the parser read only in part: declared, without a type (see check/index.ts). */
    private readonly damaged: ReadonlySet<Node>,
  ) {}

  run(): string[] {
    this.declare();
    for (const p of this.file.parameters) {
      const t = this.infer(p.value);
      const symbol = p.name ? this.symbols.get(nameKey(p.name.text)) : undefined;
      if (symbol?.kind === "parameter" && symbol.decl === p && !parameterType(p) && isScalar(t))
        symbol.type = t;
    }
    for (const symbol of this.symbols.values()) {
      if (symbol.kind === "value") this.ensureValue(symbol);
      if (symbol.kind === "table") this.ensureTable(symbol);
    }
    this.rules();
    this.tests();
    return this.order();
  }

  // ---- the symbol table ----------------------------------------------------------------------

  private declare(): void {
    const f = this.file;
    const entries: { name: Name; make: (name: string) => SymbolInfo }[] = [];
    for (const decl of f.inputs) {
      if (!decl.name) continue;
      const type = this.damaged.has(decl) ? undefined : declaredType(decl.type);
      this.repeatedWithin(decl.type);
      if (type) entries.push({ name: decl.name, make: (name) => ({ kind: "input", name, decl, type }) });
      else this.partial.add(nameKey(decl.name.text));
    }
    for (const decl of f.parameters) {
      if (!decl.name) continue;
      if (!decl.value || this.damaged.has(decl)) {
        this.partial.add(nameKey(decl.name.text));
        continue;
      }
      // A computed «parameter» (ZB3012) takes its computed type once its value is typed.
      const type = parameterType(decl) ?? NUMBER;
      entries.push({ name: decl.name, make: (name) => ({ kind: "parameter", name, decl, type }) });
    }
    for (const decl of f.values) {
      if (decl.name && this.damaged.has(decl)) this.partial.add(nameKey(decl.name.text));
      else if (decl.name)
        entries.push({ name: decl.name, make: (name) => ({ kind: "value", name, decl, type: undefined }) });
    }
    for (const decl of f.tables) {
      if (!decl.name) continue;
      entries.push({
        name: decl.name,
        make: (name) => ({ kind: "table", name, decl, columnTypes: [], outputType: undefined }),
      });
    }
    entries.sort((a, b) => startsBefore(a.name.range, b.name.range));
    for (const e of entries) this.add(e.name, e.make(e.name.text));

    // Several rules may set one output; only a clash with a declaration is a duplicate.
    for (const rule of f.rules) {
      for (const o of rule.outcomes) {
        if (o.kind !== "set" || !o.target) continue;
        const existing = this.symbols.get(nameKey(o.target.text));
        if (existing?.kind === "setTarget") continue;
        this.add(o.target, { kind: "setTarget", name: o.target.text, type: undefined });
      }
    }
  }

  private add(name: Name, symbol: SymbolInfo): void {
    const key = nameKey(name.text);
    const first = this.declaredByKey.get(key);
    if (first) {
      this.duplicates.push({ name, firstLine: first.name.range.startLine });
      return;
    }
    this.symbols.set(key, symbol);
    const declared = { key, name, symbol };
    this.declared.push(declared);
    this.declaredByKey.set(key, declared);
  }

  /** A member listed twice in one one-of, or a field twice in one list. */
  private repeatedWithin(type: RulesetFile["inputs"][number]["type"]): void {
    const names =
      type?.kind === "enum" ? type.members : type?.kind === "list" ? type.fields.map((f) => f.name) : [];
    const firsts = new Map<string, Name>();
    for (const n of names) {
      const first = firsts.get(nameKey(n.text));
      if (first) this.duplicates.push({ name: n, firstLine: first.range.startLine });
      else firsts.set(nameKey(n.text), n);
    }
    if (type?.kind === "list") for (const field of type.fields) this.repeatedWithin(field.type);
  }

  inputNamed(name: string): InputSymbol | undefined {
    const key = nameKey(name);
    const direct = this.symbols.get(key);
    if (direct?.kind === "input") return direct;
    for (const s of this.symbols.values()) {
      if (s.kind === "input" && s.decl.alias && nameKey(s.decl.alias.text) === key) return s;
    }
    return undefined;
  }

  // ---- values and tables, typed on first use ---------------------------------------------------

  private edge(to: string): void {
    if (this.owner === undefined) return;
    const set = this.edges.get(this.owner) ?? new Set<string>();
    this.edges.set(this.owner, set);
    set.add(to);
  }

  private within<T>(id: string, body: () => T): T {
    const saved = this.owner;
    this.owner = id;
    try {
      return body();
    } finally {
      this.owner = saved;
    }
  }

  private ensureValue(symbol: ValueSymbol): void {
    const id = `v:${nameKey(symbol.name)}`;
    if (this.state.has(id)) return;
    this.state.set(id, "busy");
    const t = this.within(id, () => this.infer(symbol.decl.expr));
    symbol.type = isScalar(t) ? t : undefined;
    this.state.set(id, "done");
  }

  /** Whether a bare name in a cell or an output reads a declaration rather than naming a member. */
  private readsDeclaration(name: string): boolean {
    const key = nameKey(name);
    const kind = this.symbols.get(key)?.kind;
    return kind === "input" || kind === "parameter" || kind === "value" || this.partial.has(key);
  }

  /**
   * A table's column types come from its cells, its output type from its outputs. Names in cells
   * are one-of members unless they name an input, parameter or value (a cap in a range, say).
   */
  private ensureTable(symbol: TableSymbol): void {
    const id = `t:${nameKey(symbol.name)}`;
    if (this.state.has(id)) return;
    this.state.set(id, "busy");
    this.within(id, () => {
      const decl = symbol.decl;
      const members: string[][] = [];
      const outputMembers: string[] = [];
      const addMember = (list: string[], name: string) => {
        if (!list.some((m) => nameKey(m) === nameKey(name))) list.push(name);
      };
      for (const row of decl.rows) {
        row.cells.forEach((cell, i) => {
          if (cell.kind !== "values") return;
          for (const v of cell.values) {
            if (v.kind !== "name" || this.readsDeclaration(v.name)) continue;
            const column = members[i] ?? [];
            members[i] = column;
            addMember(column, v.name);
          }
        });
        if (row.output?.kind === "name" && !this.readsDeclaration(row.output.name)) {
          addMember(outputMembers, row.output.name);
        }
      }
      const columnTypes: (ScalarType | undefined)[] = decl.columns.map(() => undefined);
      for (const row of decl.rows) {
        row.cells.forEach((cell, i) => {
          const found: (LangType | undefined)[] = [];
          if (cell.kind === "values") {
            for (const v of cell.values) {
              found.push(
                v.kind === "name" && !this.readsDeclaration(v.name)
                  ? this.member(v, members[i] ?? [])
                  : this.infer(v),
              );
            }
          } else if (cell.kind === "range") {
            found.push(this.infer(cell.low), this.infer(cell.high));
          }
          for (const t of found)
            if (isScalar(t) && i < columnTypes.length) columnTypes[i] = unifyOrFirst(columnTypes[i], t);
        });
      }
      let outputType: ScalarType | undefined;
      for (const row of decl.rows) {
        const out = row.output;
        const t =
          out?.kind === "name" && !this.readsDeclaration(out.name)
            ? this.member(out, outputMembers)
            : this.infer(out);
        if (isScalar(t)) outputType = unifyOrFirst(outputType, t);
      }
      symbol.columnTypes = columnTypes;
      symbol.outputType = outputType;
    });
    this.state.set(id, "done");
  }

  // ---- rules and tests -------------------------------------------------------------------------

  private rules(): void {
    for (const rule of this.file.rules) {
      this.infer(rule.condition);
      for (const o of rule.outcomes) {
        if (o.kind === "require") this.infer(o.amount);
        if (o.kind !== "set") continue;
        const t = this.infer(o.value);
        const target = o.target ? this.symbols.get(nameKey(o.target.text)) : undefined;
        if (target?.kind === "setTarget" && isScalar(t)) target.type = unifyOrFirst(target.type, t);
      }
    }
  }

  private tests(): void {
    for (const test of this.file.tests) {
      for (const g of test.givens) this.given(g.value, this.inputNamed(g.name.text)?.type);
      for (const x of test.expectations) {
        if (x.kind !== "value" || !x.name) continue;
        const s = this.symbols.get(nameKey(x.name.text));
        this.given(x.value, s?.kind === "value" || s?.kind === "setTarget" ? s.type : undefined);
      }
    }
  }

  /** A test's literal for something of type `t`: a bare name is a member of its one-of, nothing else. */
  private given(v: TestValue | undefined, t: LangType | undefined): void {
    if (!v) return;
    if (v.kind === "list") {
      for (const item of v.items) {
        for (const f of item.fields) {
          const key = nameKey(f.name.text);
          const field =
            t?.kind === "list"
              ? t.fields.find(
                  (x) => nameKey(x.name) === key || (x.alias !== undefined && nameKey(x.alias) === key),
                )
              : undefined;
          this.given(f.value, field?.type);
        }
      }
      return;
    }
    if (v.kind === "name") {
      if (t?.kind === "enum") this.member(v, t.members);
      return;
    }
    this.infer(v);
  }

  // ---- expressions -----------------------------------------------------------------------------

  private infer(e: Expr | undefined, frame?: Frame): LangType | undefined {
    if (!e) return undefined;
    if (this.seen.has(e)) return this.types.get(e);
    this.seen.add(e);
    const t = this.inferNew(e, frame);
    if (t) this.types.set(e, t);
    return t;
  }

  private inferNew(e: Expr, frame: Frame | undefined): LangType | undefined {
    switch (e.kind) {
      case "string":
        return TEXT;
      case "date":
        return DATE;
      case "bool":
        return BOOL;
      case "number":
        return numberLitType(e);
      case "name":
        return this.resolveName(e, frame);
      case "paren":
        return this.infer(e.inner, frame);
      case "neg": {
        const t = this.infer(e.operand, frame);
        return isNumeric(t) ? t : undefined;
      }
      case "arith": {
        const l = this.infer(e.left, frame);
        const r = this.infer(e.right, frame);
        return isScalar(l) && isScalar(r) ? arithType(e.op, l, r) : undefined;
      }
      case "and":
      case "or":
        for (const item of e.items) this.infer(item, frame);
        return BOOL;
      case "not":
        this.infer(e.operand, frame);
        return BOOL;
      case "cmp":
        if (e.op === "eq" || e.op === "ne") this.pair(e.left, e.right, frame);
        else {
          this.infer(e.left, frame);
          this.infer(e.right, frame);
        }
        return BOOL;
      case "between":
        this.infer(e.subject, frame);
        this.infer(e.low, frame);
        this.infer(e.high, frame);
        return BOOL;
      case "in": {
        const t = this.infer(e.subject, frame);
        for (const item of e.set) this.memberOr(item, t, frame);
        return BOOL;
      }
      case "missing":
        this.infer(e.subject, frame);
        return BOOL;
      case "if": {
        this.infer(e.cond, frame);
        const a = this.infer(e.then, frame);
        const b = this.infer(e.else, frame);
        return isScalar(a) || isScalar(b)
          ? unifyOrFirst(isScalar(a) ? a : undefined, isScalar(b) ? b : undefined)
          : a;
      }
      case "call":
        return this.call(e, frame);
    }
  }

  private canResolve(ref: NameRef, frame: Frame | undefined): boolean {
    const key = nameKey(ref.name);
    for (let f = frame; f; f = f.parent) if (f.fields.has(key)) return true;
    return this.symbols.has(key);
  }

  private resolveName(ref: NameRef, frame: Frame | undefined): LangType | undefined {
    this.refs.push(ref);
    const key = nameKey(ref.name);
    for (let f = frame; f; f = f.parent) {
      const field = f.fields.get(key);
      if (field) {
        this.resolutions.set(ref, { kind: "field", list: f.list });
        return field.type;
      }
    }
    const symbol = this.symbols.get(key);
    if (!symbol) {
      this.unresolvedFrames.set(ref, frame);
      return undefined;
    }
    this.resolutions.set(ref, { kind: "symbol", symbol });
    switch (symbol.kind) {
      case "input":
      case "parameter":
        return symbol.type;
      case "value":
        this.edge(`v:${key}`);
        this.ensureValue(symbol);
        return symbol.type;
      default:
        // A table read without arguments, or a set target read: scope.ts reports both.
        return undefined;
    }
  }

  /** A bare name read as a member of the one-of `of`. */
  private member(ref: NameRef, of: string[]): LangType {
    this.seen.add(ref);
    this.refs.push(ref);
    this.resolutions.set(ref, { kind: "member", of });
    const t: LangType = { kind: "enum", members: of };
    this.types.set(ref, t);
    return t;
  }

  /**
   * A bare name next to a one-of is one of its members when it is one, or when it names nothing
   * else (then enums.ts says it is not a choice). A declared name that is not a member keeps its meaning.
   */
  private memberOr(
    e: Expr | undefined,
    other: LangType | undefined,
    frame: Frame | undefined,
  ): LangType | undefined {
    if (e?.kind !== "name" || other?.kind !== "enum") return this.infer(e, frame);
    const key = nameKey(e.name);
    if (other.members.some((m) => nameKey(m) === key) || !this.canResolve(e, frame))
      return this.member(e, other.members);
    return this.infer(e, frame);
  }

  /** `a = b`, `a ≠ b`: whichever side is typed first decides whether the other is a member. */
  private pair(a: Expr | undefined, b: Expr | undefined, frame: Frame | undefined): void {
    const aBare = a?.kind === "name";
    const bBare = b?.kind === "name";
    if (!aBare || (bBare && this.canResolve(a, frame))) this.memberOr(b, this.infer(a, frame), frame);
    else this.memberOr(a, this.infer(b, frame), frame);
  }

  private frameFor(
    list: Expr | undefined,
    t: Extract<LangType, { kind: "list" }>,
    parent: Frame | undefined,
  ): Frame {
    const r = list?.kind === "name" ? this.resolutions.get(list) : undefined;
    const name = r?.kind === "symbol" ? r.symbol.name : list?.kind === "name" ? list.name : "";
    const fields = new Map<string, RecordField>();
    for (const f of t.fields) {
      fields.set(nameKey(f.name), f);
      if (f.alias !== undefined && !fields.has(nameKey(f.alias))) fields.set(nameKey(f.alias), f);
    }
    return { list: name, fields, parent };
  }

  private call(call: Call, frame: Frame | undefined): LangType | undefined {
    this.calls.push(call);
    const [first] = call.args;
    const rest = (from: number, f: Frame | undefined) => {
      for (let i = from; i < call.args.length; i++)
        if (!isRoundModeWord(call, i)) this.infer(call.args[i], f);
    };
    switch (call.builtin) {
      case undefined:
        return this.tableCall(call, frame);
      case "round": {
        const t = this.infer(first, frame);
        rest(1, frame);
        return isNumeric(t) ? t : undefined;
      }
      case "min":
      case "max": {
        const t0 = this.infer(first, frame);
        if (t0?.kind === "list") {
          const inner = this.frameFor(first, t0, frame);
          const body = this.infer(call.args[1], inner);
          rest(2, inner);
          return isScalar(body) ? body : undefined;
        }
        let t = t0?.kind === "scalars" ? t0.of : isScalar(t0) ? t0 : undefined;
        for (let i = 1; i < call.args.length; i++) {
          const ti = this.infer(call.args[i], frame);
          t = unifyOrFirst(t, ti?.kind === "scalars" ? ti.of : isScalar(ti) ? ti : undefined);
        }
        return t;
      }
      case "sum":
      case "count":
      case "any":
      case "all": {
        const t0 = this.infer(first, frame);
        if (t0?.kind === "scalars") {
          rest(1, frame);
          return call.builtin === "sum" ? t0.of : call.builtin === "count" ? NUMBER : BOOL;
        }
        // An unknown list: its fields are unknown too, and reporting each would bury the one typo.
        if (t0?.kind !== "list")
          return call.builtin === "count" ? NUMBER : call.builtin === "sum" ? undefined : BOOL;
        const inner = this.frameFor(first, t0, frame);
        if (call.builtin === "count") {
          rest(1, inner);
          return NUMBER;
        }
        const body = this.infer(call.args[1], inner);
        rest(2, inner);
        if (call.builtin === "sum") return isNumeric(body) ? body : undefined;
        return BOOL;
      }
    }
  }

  private tableCall(call: Call, frame: Frame | undefined): LangType | undefined {
    const key = nameKey(call.callee.text);
    const symbol = this.symbols.get(key);
    if (symbol?.kind !== "table") {
      for (const a of call.args) this.infer(a, frame);
      return undefined;
    }
    this.edge(`t:${key}`);
    this.ensureTable(symbol);
    call.args.forEach((arg, i) => {
      const column = symbol.columnTypes[i];
      this.memberOr(arg, column?.kind === "enum" ? column : undefined, frame);
    });
    const out = symbol.outputType;
    if (!out) return undefined;
    return symbol.decl.hitPolicy === "collect" ? { kind: "scalars", of: out } : out;
  }

  // ---- dependency order ------------------------------------------------------------------------

  private order(): string[] {
    const nodes: string[] = [];
    const label = new Map<string, { name: Name; symbol: SymbolInfo }>();
    for (const d of this.declared) {
      if (d.symbol.kind !== "value" && d.symbol.kind !== "table") continue;
      const id = `${d.symbol.kind === "value" ? "v" : "t"}:${d.key}`;
      nodes.push(id);
      label.set(id, d);
    }
    const { order, cycles } = dependencyOrder(nodes, this.edges);
    for (const cycle of cycles) {
      for (const id of cycle) {
        const at = label.get(id);
        if (!at) continue;
        const path = cyclePath(id, cycle, this.edges).map((n) => label.get(n)?.symbol.name ?? n);
        this.diagnostics.push(
          diagnostic("ZB2007", at.name.range, at.symbol.name, { fa: path.join(" ← "), en: path.join(" → ") }),
        );
      }
    }
    return order.filter((id) => id.startsWith("v:")).map((id) => label.get(id)?.symbol.name ?? id.slice(2));
  }
}

export function analyse(
  file: RulesetFile,
  damaged: ReadonlySet<Node> = new Set(),
): { analysis: CheckedAnalysis; diagnostics: Diagnostic[] } {
  const a = new Analyser(file, damaged);
  const valueOrder = a.run();
  const symbols = a.symbols;
  const analysis: CheckedAnalysis = {
    symbols,
    valueOrder,
    typeOf: (expr) => a.types.get(expr),
    resolve: (ref) => a.resolutions.get(ref),
    refs: a.refs,
    calls: a.calls,
    declared: a.declared,
    duplicates: a.duplicates,
    partial: a.partial,
    visibleAt: (ref) => {
      const names: string[] = [];
      for (let f = a.unresolvedFrames.get(ref); f; f = f.parent)
        for (const field of f.fields.values()) names.push(field.name);
      for (const s of symbols.values()) if (s.kind !== "table" && s.kind !== "setTarget") names.push(s.name);
      return names;
    },
    inputNamed: (name) => a.inputNamed(name),
  };
  return { analysis, diagnostics: a.diagnostics };
}
