/**
 * The rulesets the service answers for, read-only: funds are the folders of `rulesetsDir` that have a
 * versions.json (or a versions/ folder of .zb files); a fund's versions are its versions.json entries
 * in order (else its versions/*.zb files by natural sort), the last being the latest — as the CLI
 * reads them (docs/cli.md, "Naming a ruleset").
 *
 * The listing is read once and kept; each version is compiled the first time it is asked for, and
 * its engine (or its diagnostics, if it does not compile) kept for every later request. `refresh()`
 * forgets both, for whoever changes the folder (the editor, after saving a version).
 *
 * Nothing a client sends is ever turned into a path: a fund or version is looked up by exact name in
 * the listing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, isAbsolute, join, resolve } from "node:path";
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
  date?: string;
  status?: string;
}

export interface FundInfo {
  fund: string;
  latest: string;
  versions: VersionInfo[];
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

interface Listed {
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

export class RulesetStore {
  readonly dir: string;
  private listing: Map<string, Listed> | undefined;
  private readonly compiled = new Map<string, Compiled>();

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /** Forget the listing and every compiled version: the next request reads the folder again. */
  refresh(): void {
    this.listing = undefined;
    this.compiled.clear();
  }

  funds(): FundInfo[] {
    return [...this.list().values()].map((l) => l.info);
  }

  fund(fund: string): FundInfo {
    return this.listed(fund).info;
  }

  /** A version ready to run; ApiError when the fund or version is unknown or does not compile. */
  get(fund: string, version: string): LoadedVersion {
    const listed = this.listed(fund);
    const name = version === LATEST ? listed.info.latest : version;
    const file = listed.files.get(name);
    if (file === undefined) throw new ApiError("VERSION_NOT_FOUND", MESSAGES.versionNotFound(fund, version));
    const key = `${fund}\u0000${name}`;
    let entry = this.compiled.get(key);
    if (!entry) {
      entry = compileVersion(fund, name, file);
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

function compileVersion(fund: string, version: string, file: string): Compiled {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return failed(
      [],
      [{ field: file, fa: `خواندن پرونده ممکن نشد: ${why}`, en: `Cannot read the file: ${why}` }],
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

/** A fund folder's versions; undefined when it is not a ruleset folder or lists nothing usable. */
function readFund(dir: string, fund: string): Listed | undefined {
  const files = new Map<string, string>();
  const versions: VersionInfo[] = [];
  const entries = readVersionsJson(join(dir, "versions.json"));
  if (entries) {
    for (const entry of entries) {
      const file = [join(dir, entry.file), join(dir, "versions", entry.file)].find(
        (f) => !isAbsolute(entry.file) && existsSync(f),
      );
      // A listed file that is missing is left out rather than failing the whole service.
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
      files.set(version, join(dir, "versions", name));
      versions.push({ version });
    }
  }
  const latest = versions.at(-1)?.version;
  if (latest === undefined) return undefined;
  return { info: { fund, latest, versions }, files };
}

function readVersionsJson(path: string): { info: VersionInfo; file: string }[] | undefined {
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: { info: VersionInfo; file: string }[] = [];
  for (const item of data) {
    if (typeof item !== "object" || item === null) continue;
    const e = item as Record<string, unknown>;
    if ((typeof e.version !== "string" && typeof e.version !== "number") || typeof e.file !== "string")
      continue;
    const info: VersionInfo = { version: String(e.version) };
    for (const key of ["note", "author", "date", "status"] as const) {
      const v = e[key];
      if (typeof v === "string") info[key] = v;
    }
    out.push({ info, file: e.file });
  }
  return out;
}
