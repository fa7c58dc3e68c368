/**
 * A ruleset argument → the file it means and its text. An argument is one of:
 * - a `.zb` file (a ruleset version's source) or, where the command allows it, a compiled `.json`
 *   artefact;
 * - a ruleset folder (one with `versions/` or `versions.json`): its latest version — the last entry
 *   of versions.json, else the highest `versions/*.zb` by natural sort (2 before 10);
 * - `fund@version`: the version of the ruleset `fund` under the rulesets folder — the versions.json
 *   entry with that version, else `versions/<version>.zb`;
 * - `fund`: the ruleset folder `fund` under the rulesets folder;
 * - a ruleset's `versions/` folder: its highest version file;
 * - where the command takes several rulesets, a folder of ruleset folders (such as `rulesets`): every
 *   ruleset in it, each at its latest version.
 * The rulesets folder is ./rulesets, or $ZAVABET_RULESETS when set.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, isAbsolute, join, relative, resolve } from "node:path";
import { CliError, messageOf } from "./errors";

export interface ResolvedRuleset {
  /** Absolute path of the file. */
  path: string;
  /** The path as shown to the user: relative to the working folder when inside it. */
  display: string;
  /** A rule source (.zb) or a compiled artefact (.json). */
  kind: "source" | "artefact";
  text: string;
}

export interface ResolveOptions {
  cwd?: string;
  /** Whether a compiled artefact .json is accepted (eval and test). */
  allowArtefact: boolean;
}

interface VersionEntry {
  version: string;
  file: string;
}

const natural = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export function rulesetsDir(cwd: string): string {
  return resolve(cwd, process.env.ZAVABET_RULESETS || "rulesets");
}

/** One argument that must name exactly one ruleset version (compile, eval). */
export function resolveRuleset(arg: string, options: ResolveOptions): ResolvedRuleset {
  const files = resolvePaths(arg, options, false);
  const [file] = files;
  if (file === undefined) throw new CliError(`«${arg}» هیچ قواعدی ندارد`, `«${arg}» holds no ruleset`);
  return read(file, options);
}

/** Arguments that may each name several rulesets (check, test); duplicates are read once. */
export function resolveRulesets(args: readonly string[], options: ResolveOptions): ResolvedRuleset[] {
  const seen = new Set<string>();
  const out: ResolvedRuleset[] = [];
  for (const arg of args) {
    const files = resolvePaths(arg, options, true);
    if (files.length === 0) throw new CliError(`«${arg}» هیچ قواعدی ندارد`, `«${arg}» holds no ruleset`);
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      out.push(read(file, options));
    }
  }
  return out;
}

function resolvePaths(arg: string, options: ResolveOptions, many: boolean): string[] {
  const cwd = options.cwd ?? process.cwd();
  const onDisk = resolve(cwd, arg);
  if (arg !== "" && existsSync(onDisk)) {
    const stat = statSync(onDisk);
    if (stat.isFile()) return [checkFileKind(onDisk, arg, options)];
    if (stat.isDirectory()) return resolveFolder(onDisk, arg, cwd, many);
  }

  const at = /^([^@/\\]+)@([^@/\\]+)$/.exec(arg);
  if (at) {
    const [, fund = "", version = ""] = at;
    return [versionFile(fundFolder(fund, arg, cwd), fund, version)];
  }
  const looksLikePath = /[/\\]/.test(arg) || [".zb", ".json"].includes(extname(arg).toLowerCase());
  if (!looksLikePath && arg !== "") {
    return [latestVersion(fundFolder(arg, arg, cwd))];
  }
  throw new CliError(`پرونده یا پوشه‌ی «${arg}» پیدا نشد`, `No such file or folder: «${arg}»`);
}

function checkFileKind(path: string, arg: string, options: ResolveOptions): string {
  const ext = extname(path).toLowerCase();
  if (ext === ".zb") return path;
  if (ext === ".json") {
    if (options.allowArtefact) return path;
    throw new CliError(
      `«${arg}» یک فایل کامپایل‌شده است؛ این فرمان متن قواعد (‎.zb) می‌خواهد`,
      `«${arg}» is a compiled artefact; this command needs a rule source (.zb)`,
    );
  }
  throw new CliError(
    `«${arg}» نه متن قواعد (‎.zb) است و نه فایل کامپایل‌شده (‎.json)`,
    `«${arg}» is neither a rule source (.zb) nor a compiled artefact (.json)`,
  );
}

function isRulesetFolder(dir: string): boolean {
  return isDir(join(dir, "versions")) || existsSync(join(dir, "versions.json"));
}

function resolveFolder(dir: string, arg: string, cwd: string, many: boolean): string[] {
  if (isRulesetFolder(dir)) return [latestVersion(dir)];
  // A ruleset's versions/ folder itself: its highest version.
  const zbFiles = basename(dir) === "versions" ? listZb(dir) : [];
  if (zbFiles.length > 0) return [join(dir, zbFiles.at(-1)!)];
  const rulesets = subRulesets(dir);
  if (rulesets.length === 0) {
    throw new CliError(`در پوشه‌ی «${arg}» هیچ قواعدی نیست`, `The folder «${arg}» holds no ruleset`);
  }
  if (!many) {
    throw new CliError(
      `پوشه‌ی «${arg}» چند قواعد دارد؛ یکی را نام ببرید`,
      `The folder «${arg}» holds several rulesets; name one`,
      { details: availableLines(dir, cwd) },
    );
  }
  return rulesets.map((name) => latestVersion(join(dir, name)));
}

function fundFolder(fund: string, arg: string, cwd: string): string {
  const root = rulesetsDir(cwd);
  const dir = join(root, fund);
  if (isDir(dir) && isRulesetFolder(dir)) return dir;
  throw new CliError(`قواعد «${arg}» پیدا نشد`, `Unknown ruleset «${arg}»`, {
    details: availableLines(root, cwd),
  });
}

/** The rulesets under `root` and their versions, as lines for an error message. */
function availableLines(root: string, cwd: string): string[] {
  const names = isDir(root) ? subRulesets(root) : [];
  const where = displayPath(root, cwd);
  if (names.length === 0) return [`در «${where}» هیچ قواعدی نیست — no rulesets in «${where}»`];
  const width = Math.max(...names.map((n) => n.length));
  return [
    `قواعد موجود در «${where}» — available rulesets in «${where}»:`,
    ...names.map((name) => {
      const versions = versionNames(join(root, name));
      return `  ${name.padEnd(width)}  ${versions.length > 0 ? `@ ${versions.join(", ")}` : ""}`.trimEnd();
    }),
  ];
}

function subRulesets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && isRulesetFolder(join(dir, e.name)))
    .map((e) => e.name)
    .sort(natural.compare);
}

function listZb(dir: string): string[] {
  if (!isDir(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && extname(e.name).toLowerCase() === ".zb")
    .map((e) => e.name)
    .sort(natural.compare);
}

function versionNames(dir: string): string[] {
  const entries = readVersionsJson(dir);
  if (entries && entries.length > 0) return entries.map((e) => e.version);
  return listZb(join(dir, "versions")).map((f) => f.slice(0, -extname(f).length));
}

function latestVersion(dir: string): string {
  const entries = readVersionsJson(dir);
  const last = entries?.at(-1);
  if (last) return entryFile(dir, last);
  const files = listZb(join(dir, "versions"));
  const highest = files.at(-1);
  if (highest === undefined) {
    const where = displayPath(dir, process.cwd());
    throw new CliError(`قواعد «${where}» هیچ نسخه‌ای ندارد`, `The ruleset «${where}» has no versions`);
  }
  return join(dir, "versions", highest);
}

function versionFile(dir: string, fund: string, version: string): string {
  const entry = readVersionsJson(dir)?.find((e) => e.version === version);
  if (entry) return entryFile(dir, entry);
  const file = join(dir, "versions", `${version}.zb`);
  if (existsSync(file)) return file;
  const versions = versionNames(dir);
  throw new CliError(
    `نسخه‌ی «${version}» از قواعد «${fund}» پیدا نشد`,
    `«${fund}» has no version «${version}»`,
    {
      details: [
        versions.length > 0
          ? `نسخه‌های موجود — available versions: ${versions.join(", ")}`
          : "هیچ نسخه‌ای نیست — there are no versions",
      ],
    },
  );
}

/** An entry's file: relative to the ruleset folder, or to its versions/ folder. */
function entryFile(dir: string, entry: VersionEntry): string {
  const candidates = isAbsolute(entry.file)
    ? [entry.file]
    : [join(dir, entry.file), join(dir, "versions", entry.file)];
  const found = candidates.find((c) => existsSync(c));
  if (found) return found;
  const where = displayPath(join(dir, "versions.json"), process.cwd());
  throw new CliError(
    `پرونده‌ی «${entry.file}» که ${where} برای نسخه‌ی «${entry.version}» نام برده پیدا نشد`,
    `The file «${entry.file}» that ${where} names for version «${entry.version}» does not exist`,
  );
}

function readVersionsJson(dir: string): VersionEntry[] | undefined {
  const path = join(dir, "versions.json");
  if (!existsSync(path)) return undefined;
  const where = displayPath(path, process.cwd());
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new CliError(`${where} JSON درستی نیست`, `${where} is not valid JSON: ${messageOf(e)}`);
  }
  const bad = () =>
    new CliError(
      `${where} باید فهرستی از { version, file, ... } باشد`,
      `${where} must be an array of { version, file, ... }`,
    );
  if (!Array.isArray(data)) throw bad();
  return data.map((item: unknown): VersionEntry => {
    if (typeof item !== "object" || item === null) throw bad();
    const { version, file } = item as Record<string, unknown>;
    if ((typeof version !== "string" && typeof version !== "number") || typeof file !== "string") throw bad();
    return { version: String(version), file };
  });
}

function read(path: string, options: ResolveOptions): ResolvedRuleset {
  const display = displayPath(path, options.cwd ?? process.cwd());
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError(`خواندن «${display}» ممکن نشد`, `Cannot read «${display}»: ${messageOf(e)}`);
  }
  const kind = extname(path).toLowerCase() === ".json" ? "artefact" : "source";
  return { path, display, kind, text };
}

/** `path` relative to `cwd` when it is inside it, else as it is. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
