/**
 * The rulesets the service answers for: funds are the folders of `rulesetsDir` that have a
 * versions.json (or a versions/ folder of .zb files); a fund's versions are its versions.json entries
 * in order (else its versions/*.zb files by natural sort), the last being the latest — as the CLI
 * reads them (docs/cli.md, "Naming a ruleset"). The store only reads; ./versions.ts writes new
 * versions into the folder and then calls `refresh()`.
 *
 * The listing is read once and kept; each version is compiled the first time it is asked for, and
 * its engine (or its diagnostics, if it does not compile) kept for every later request. `refresh()`
 * forgets both, for whoever changes the folder (a save through the API, or the editor).
 *
 * Nothing a client sends is ever turned into a path: a fund or version is looked up by exact name in
 * the listing. Nothing outside a fund's folder is ever read for it: a versions.json `file` that
 * climbs out of the folder, or reaches out through a symbolic link, is left out of the listing, and
 * every file is checked again (through its real path) when it is read.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { extname, isAbsolute, join, resolve, sep } from "node:path";
import {
  type Artefact,
  ArtefactError,
  compile,
  createEngine,
  type Diagnostic,
  serializeArtefact,
  type ZavabetEngine,
} from "../lib";
import { ApiError, type ErrorDetail, MAX_DETAILS, MESSAGES } from "./errors";

/** One version as listed: its name and whatever versions.json says about it. */
export interface VersionInfo {
  version: string;
  note?: string;
  author?: string;
  /** The Jalali date, "1405/09/02" (Latin digits). */
  date?: string;
  /** When it was saved through the API (ISO 8601, UTC); absent for versions written by hand. */
  savedAt?: string;
  /**
   * "published" or "draft" when the API wrote it; a hand-written versions.json may say anything, and
   * is passed through. Absent counts as published (the shipped entries predate drafts).
   */
  status?: string;
}

export interface FundInfo {
  fund: string;
  /** The last listed version, draft or not. */
  latest: string;
  /** The last version whose status is "published" or absent; absent when every version is a draft. */
  published?: string;
  versions: VersionInfo[];
}

/** A fund's clause index (rulesets/<fund>/clauses.json, rulesets/clauses.schema.json), as the file has it. */
export interface ClauseIndex {
  fund: string;
  sources: string[];
  clauses: ClauseEntry[];
  [key: string]: unknown;
}

export interface ClauseEntry {
  clause: string;
  kind: string;
  summary?: string;
  reason?: string;
  reading?: string;
  encodedBy?: string[];
  text?: string;
  [key: string]: unknown;
}

/** One example case of a fund (rulesets/<fund>/examples/<name>.json). */
export interface Example {
  name: string;
  case: Record<string, unknown>;
}

/** A version ready to run. */
export interface LoadedVersion {
  fund: string;
  version: string;
  artefact: Artefact;
  engine: ZavabetEngine;
  /** The artefact as `zavabet compile` writes it, byte for byte. */
  artefactJson: string;
  /** Warnings from compiling it (errors mean it did not load). */
  diagnostics: Diagnostic[];
}

export interface Listed {
  info: FundInfo;
  files: Map<string, string>;
}

/** A version that cannot run: its diagnostics, and the same as error details for an answer. */
type Compiled =
  | { ok: true; loaded: LoadedVersion }
  | { ok: false; diagnostics: Diagnostic[]; details: ErrorDetail[] };

/** What warm() found for one version: whether it runs, its warnings, or why it cannot run. */
export interface WarmReport {
  fund: string;
  version: string;
  ok: boolean;
  diagnostics: Diagnostic[];
  problems: ErrorDetail[];
}

const natural = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** What the string "latest" in a URL means: the fund's latest version. */
export const LATEST = "latest";
/** What the string "published" in a URL means: the fund's latest published version. */
export const PUBLISHED = "published";

/** Whether a listed version counts as published (absent status: the entries written by hand). */
export const isPublished = (v: VersionInfo): boolean => v.status === undefined || v.status === "published";

export class RulesetStore {
  readonly dir: string;
  private listing: Map<string, Listed> | undefined;
  private readonly compiled = new Map<string, Compiled>();
  /** clauses.json and examples/, read on first use, per fund. */
  private readonly aux = new Map<string, ClauseIndex | Example[]>();

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /**
   * Forget the listing and the compiled versions (of one fund, or of all): the next request reads the
   * folder again. A save refreshes only its fund, so the others keep their compiled engines.
   */
  refresh(fund?: string): void {
    this.listing = undefined;
    this.aux.clear();
    if (fund === undefined) {
      this.compiled.clear();
      return;
    }
    for (const key of this.compiled.keys()) if (key.startsWith(`${fund}\u0000`)) this.compiled.delete(key);
  }

  funds(): FundInfo[] {
    return [...this.list().values()].map((l) => l.info);
  }

  fund(fund: string): FundInfo {
    return this.listed(fund).info;
  }

  /** The fund's folder (for ./versions.ts, which writes into it); ApiError when the fund is unknown. */
  fundDir(fund: string): string {
    this.listed(fund);
    return join(this.dir, fund);
  }

  /** The text of a version's .zb file, exactly; ApiError when the fund or version is unknown. */
  source(fund: string, version: string): string {
    const { name, file } = this.resolveVersion(fund, version);
    const real = within(join(this.dir, fund), file);
    if (real === undefined) throw new ApiError("VERSION_NOT_FOUND", MESSAGES.versionNotFound(fund, name));
    return readFileSync(real, "utf8");
  }

  /** The fund's clauses.json as the file has it; an empty index when it has none (or it is unreadable). */
  clauses(fund: string): ClauseIndex {
    this.listed(fund);
    const key = `clauses\u0000${fund}`;
    let index = this.aux.get(key) as ClauseIndex | undefined;
    if (!index) {
      index = readClauses(join(this.dir, fund), fund);
      this.aux.set(key, index);
    }
    return index;
  }

  /** The fund's examples/*.json, by natural order of name; a file that is not a JSON object is left out. */
  examples(fund: string): Example[] {
    this.listed(fund);
    const key = `examples\u0000${fund}`;
    let list = this.aux.get(key) as Example[] | undefined;
    if (!list) {
      list = readExamples(join(this.dir, fund));
      this.aux.set(key, list);
    }
    return list;
  }

  /** A version ready to run; ApiError when the fund or version is unknown or does not compile. */
  get(fund: string, version: string): LoadedVersion {
    const { name, file } = this.resolveVersion(fund, version);
    const key = `${fund}\u0000${name}`;
    let entry = this.compiled.get(key);
    if (!entry) {
      entry = compileVersion(fund, name, join(this.dir, fund), file);
      this.compiled.set(key, entry);
    }
    if (!entry.ok) {
      throw new ApiError("RULESET_DOES_NOT_COMPILE", MESSAGES.doesNotCompile(fund, name), entry.details);
    }
    return entry.loaded;
  }

  /** Compile every version now (for a server that should not make its first clients wait). */
  warm(): WarmReport[] {
    const out: WarmReport[] = [];
    for (const { info } of this.list().values()) {
      for (const { version } of info.versions) {
        try {
          const loaded = this.get(info.fund, version);
          out.push({ fund: info.fund, version, ok: true, diagnostics: loaded.diagnostics, problems: [] });
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          const entry = this.compiled.get(`${info.fund}\u0000${version}`);
          const diagnostics = entry?.ok === false ? entry.diagnostics : [];
          out.push({ fund: info.fund, version, ok: false, diagnostics, problems: e.details ?? [] });
        }
      }
    }
    return out;
  }

  /** "latest", "published" or a listed name → the listed name and its file; ApiError when unknown. */
  private resolveVersion(fund: string, version: string): { name: string; file: string } {
    const listed = this.listed(fund);
    const name =
      version === LATEST ? listed.info.latest : version === PUBLISHED ? listed.info.published : version;
    const file = name === undefined ? undefined : listed.files.get(name);
    if (name === undefined || file === undefined) {
      throw new ApiError("VERSION_NOT_FOUND", MESSAGES.versionNotFound(fund, version));
    }
    return { name, file };
  }

  private listed(fund: string): Listed {
    const listed = this.list().get(fund);
    if (!listed) throw new ApiError("RULESET_NOT_FOUND", MESSAGES.rulesetNotFound(fund));
    return listed;
  }

  private list(): Map<string, Listed> {
    if (!this.listing) this.listing = readListing(this.dir);
    return this.listing;
  }
}

function compileVersion(fund: string, version: string, dir: string, file: string): Compiled {
  let source: string;
  try {
    const real = within(dir, file);
    if (real === undefined) throw new Error("the file is not inside the fund's folder");
    source = readFileSync(real, "utf8");
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return failed(
      [],
      [{ field: `${version}.zb`, fa: `خواندن پرونده ممکن نشد: ${why}`, en: `Cannot read the file: ${why}` }],
    );
  }
  let compiled: ReturnType<typeof compile>;
  try {
    compiled = compile(source);
  } catch (e) {
    // compile() promises never to throw; if it does (a compiler bug), this version cannot run.
    return failed([], [crashed("compiler", e)]);
  }
  const { artefact, diagnostics } = compiled;
  if (!artefact) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    return failed(
      diagnostics,
      errors.map((d) => ({ field: `${d.range.startLine}:${d.range.startColumn} ${d.code}`, ...d.message })),
    );
  }
  let engine: ZavabetEngine;
  try {
    engine = createEngine(artefact);
  } catch (e) {
    // The checker passed something the engine refuses: the version cannot run, whatever the cause.
    if (!(e instanceof ArtefactError)) return failed(diagnostics, [crashed("engine", e)]);
    return failed(
      diagnostics,
      e.errors.map((line) => ({
        field: "artefact",
        fa: `فایل کامپایل‌شده پذیرفته نشد: ${line}`,
        en: `The compiled artefact was refused: ${line}`,
      })),
    );
  }
  return {
    ok: true,
    loaded: { fund, version, artefact, engine, artefactJson: serializeArtefact(artefact), diagnostics },
  };
}

function crashed(stage: "compiler" | "engine", e: unknown): ErrorDetail {
  const why = e instanceof Error ? e.message : String(e);
  return stage === "compiler"
    ? { field: "compiler", fa: `کامپایلر از کار افتاد: ${why}`, en: `The compiler failed: ${why}` }
    : {
        field: "engine",
        fa: `موتور فایل کامپایل‌شده را بار نکرد: ${why}`,
        en: `The engine failed to load the artefact: ${why}`,
      };
}

function failed(diagnostics: Diagnostic[], details: ErrorDetail[]): Compiled {
  return { ok: false, diagnostics, details: details.slice(0, MAX_DETAILS) };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The real path of `file` if it is a regular file inside `dir` (both followed through symbolic
 * links), else undefined: what keeps every read of the store inside a fund's folder.
 */
export function within(dir: string, file: string): string | undefined {
  try {
    const root = realpathSync(dir);
    const real = realpathSync(file);
    if (!real.startsWith(root + sep) || !statSync(real).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

function readListing(dir: string): Map<string, Listed> {
  const out = new Map<string, Listed>();
  if (!isDir(dir)) return out;
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(natural.compare);
  for (const fund of names) {
    const listed = readFund(join(dir, fund), fund);
    if (listed) out.set(fund, listed);
  }
  return out;
}

/**
 * A fund folder's versions; undefined when it is not a ruleset folder or lists nothing usable.
 * Exported for ./versions.ts, which reads the folder afresh before it writes.
 */
export function readFund(dir: string, fund: string): Listed | undefined {
  const files = new Map<string, string>();
  const versions: VersionInfo[] = [];
  const entries = readVersionsJson(dir);
  if (entries) {
    for (const entry of entries) {
      const file = [join(dir, entry.file), join(dir, "versions", entry.file)].find(
        (f) => !isAbsolute(entry.file) && within(dir, f) !== undefined,
      );
      // A listed file that is missing, or outside the fund's folder, is left out rather than failing
      // the whole service.
      if (file === undefined || files.has(entry.info.version)) continue;
      files.set(entry.info.version, file);
      versions.push(entry.info);
    }
  } else if (isDir(join(dir, "versions"))) {
    const zb = readdirSync(join(dir, "versions"), { withFileTypes: true })
      .filter((e) => e.isFile() && extname(e.name).toLowerCase() === ".zb")
      .map((e) => e.name)
      .sort(natural.compare);
    for (const name of zb) {
      const version = name.slice(0, -3);
      if (within(dir, join(dir, "versions", name)) === undefined) continue;
      files.set(version, join(dir, "versions", name));
      versions.push({ version });
    }
  }
  const latest = versions.at(-1)?.version;
  if (latest === undefined) return undefined;
  const published = versions.findLast(isPublished)?.version;
  const info: FundInfo = { fund, latest, versions };
  if (published !== undefined) info.published = published;
  return { info, files };
}

function readVersionsJson(dir: string): { info: VersionInfo; file: string }[] | undefined {
  const path = join(dir, "versions.json");
  if (!existsSync(path)) return undefined;
  const data = readJson(dir, path);
  if (!Array.isArray(data)) return [];
  const out: { info: VersionInfo; file: string }[] = [];
  for (const item of data) {
    if (typeof item !== "object" || item === null) continue;
    const e = item as Record<string, unknown>;
    if ((typeof e.version !== "string" && typeof e.version !== "number") || typeof e.file !== "string")
      continue;
    const info: VersionInfo = { version: String(e.version) };
    for (const key of ["note", "author", "date", "savedAt", "status"] as const) {
      const v = e[key];
      if (typeof v === "string") info[key] = v;
    }
    out.push({ info, file: e.file });
  }
  return out;
}

function readJson(dir: string, file: string): unknown {
  const real = within(dir, file);
  if (real === undefined) return undefined;
  try {
    return JSON.parse(readFileSync(real, "utf8"));
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function readClauses(dir: string, fund: string): ClauseIndex {
  const data = readJson(dir, join(dir, "clauses.json"));
  const empty: ClauseIndex = { fund, sources: [], clauses: [] };
  if (!isObject(data) || !Array.isArray(data.clauses)) return empty;
  // As the file has it, but never an entry a client cannot read as a clause.
  const clauses = data.clauses.filter(
    (c): c is ClauseEntry => isObject(c) && typeof c.clause === "string" && typeof c.kind === "string",
  );
  const sources = Array.isArray(data.sources) ? data.sources.filter((s) => typeof s === "string") : [];
  return { ...data, fund: typeof data.fund === "string" ? data.fund : fund, sources, clauses };
}

function readExamples(dir: string): Example[] {
  const folder = join(dir, "examples");
  if (!isDir(folder)) return [];
  const names = readdirSync(folder, { withFileTypes: true })
    .filter((e) => !e.isDirectory() && extname(e.name).toLowerCase() === ".json")
    .map((e) => e.name)
    .sort(natural.compare);
  const out: Example[] = [];
  for (const name of names) {
    const data = readJson(dir, join(folder, name));
    if (isObject(data)) out.push({ name: name.slice(0, -".json".length), case: data });
  }
  return out;
}
