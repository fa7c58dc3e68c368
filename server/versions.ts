/**
 * Saving a new version of a fund (POST /rulesets/:fund/versions): the editor's "save" and "publish".
 *
 * A save never changes an existing version: the new source becomes versions/<n>.zb, n one more than
 * the fund's largest numeric version name (a name whose file already exists is skipped), and an entry
 * is appended to versions.json. Both writes are atomic — the .zb is written to a temporary file in the
 * same folder, flushed to disk, then hard-linked to its name, which fails rather than overwrite; the
 * new versions.json likewise, then renamed over the old one. A crash between the two leaves an
 * unlisted .zb and the old listing intact; the next save skips that name.
 *
 * Saves to one fund are serialised in this process (a promise chain per fund), and the base check —
 * the draft must have been opened from the fund's latest version — is made inside that turn against
 * versions.json read afresh from disk, so two racing saves cannot both pass it. Two processes writing
 * one rulesets folder are not coordinated beyond that (docs/http.md says: run one writer).
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { link, mkdir, open, rename, unlink } from "node:fs/promises";
import { join, sep } from "node:path";
import jalaali from "jalaali-js";
import { compile, type Diagnostic } from "../lib";
import { ApiError, type ErrorDetail, MAX_DETAILS, MESSAGES, TEHRAN_OFFSET_MS } from "./errors";
import { type RulesetStore, readFund, type VersionInfo } from "./store";

/** The body of POST /rulesets/:fund/versions (already checked against its schema). */
export interface SaveRequest {
  source: string;
  /** The version the draft was opened from: it must still be the fund's latest. */
  base: string;
  note: string;
  author: string;
  /** true: publish (refused when the source has errors); false: save as a draft, errors or not. */
  publish: boolean;
}

export interface SaveResult {
  version: VersionInfo;
  /** Every diagnostic of the saved source (warnings, and errors for a draft). */
  diagnostics: Diagnostic[];
}

export interface VersionWriterOptions {
  /** The clock that stamps a save (`date`, `savedAt`); tests fix it. */
  now?: () => Date;
  /**
   * Called after the new .zb is in place and before versions.json is written: a test throws here to
   * play a crash between the two writes.
   */
  beforeListingWrite?: (fund: string, file: string) => void;
}

/** The Jalali date of an instant in Tehran, "1405/09/02" with Latin digits (as versions.json has it). */
export function jalaliDate(at: Date): string {
  const tehran = new Date(at.getTime() + TEHRAN_OFFSET_MS);
  const { jy, jm, jd } = jalaali.toJalaali(
    tehran.getUTCFullYear(),
    tehran.getUTCMonth() + 1,
    tehran.getUTCDate(),
  );
  return `${jy}/${String(jm).padStart(2, "0")}/${String(jd).padStart(2, "0")}`;
}

/** Errors of a source as error details: "line:column CODE", as RULESET_DOES_NOT_COMPILE spells them. */
export function diagnosticDetails(diagnostics: Diagnostic[]): ErrorDetail[] {
  return diagnostics
    .filter((d) => d.severity === "error")
    .slice(0, MAX_DETAILS)
    .map((d) => ({ field: `${d.range.startLine}:${d.range.startColumn} ${d.code}`, ...d.message }));
}

export class VersionWriter {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly now: () => Date;

  constructor(
    private readonly store: RulesetStore,
    private readonly options: VersionWriterOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Save a new version of `fund`; ApiError for every refusal (404, 409, 422, 500 SAVE_FAILED). */
  save(fund: string, request: SaveRequest): Promise<SaveResult> {
    const dir = this.store.fundDir(fund);
    // Compiled before the fund's turn: the slow part does not hold up other saves to the fund.
    const { diagnostics } = compile(request.source);
    const run = () => this.write(fund, dir, request, diagnostics);
    // Each save waits for the previous one to the same fund to finish, however it ended.
    const previous = this.queues.get(fund) ?? Promise.resolve();
    const turn = previous.then(run, run);
    const settled = turn.catch(() => undefined);
    this.queues.set(fund, settled);
    // The chain is dropped once idle, so a long-running server does not keep one per fund forever.
    void settled.then(() => {
      if (this.queues.get(fund) === settled) this.queues.delete(fund);
    });
    return turn;
  }

  private async write(
    fund: string,
    dir: string,
    request: SaveRequest,
    diagnostics: Diagnostic[],
  ): Promise<SaveResult> {
    // The listing as it is on disk now, not as the store last read it.
    const listed = readFund(dir, fund);
    if (!listed) throw new ApiError("RULESET_NOT_FOUND", MESSAGES.rulesetNotFound(fund));
    const latest = listed.info.versions.at(-1)!;
    if (request.base !== latest.version) {
      throw new ApiError("VERSION_CONFLICT", MESSAGES.versionConflict(fund, request.base, latest));
    }
    const errors = diagnostics.filter((d) => d.severity === "error");
    if (request.publish && errors.length > 0) {
      throw new ApiError(
        "DRAFT_HAS_ERRORS",
        MESSAGES.draftHasErrors(errors.length),
        diagnosticDetails(diagnostics),
      );
    }

    const versionsDir = join(dir, "versions");
    try {
      await mkdir(versionsDir, { recursive: true });
    } catch (e) {
      throw saveFailed(e);
    }
    // Never write through a versions/ that is a link out of the fund's folder.
    if (!insideDir(dir, versionsDir)) {
      throw new ApiError("SAVE_FAILED", MESSAGES.saveFailed("versions/ is outside the fund's folder"));
    }

    let entries: Record<string, unknown>[];
    try {
      entries = listingEntries(dir, listed.info.versions);
    } catch (e) {
      throw saveFailed(e);
    }
    const taken = new Set(entries.map((e) => String(e.version)));
    let next = 1 + Math.max(0, ...[...taken].filter((v) => /^\d+$/.test(v)).map(Number));

    const at = this.now();
    let name: string;
    try {
      name = await writeNewFile(versionsDir, request.source, () => {
        while (taken.has(String(next))) next++;
        return String(next++);
      });
    } catch (e) {
      throw saveFailed(e);
    }
    const file = `versions/${name}.zb`;
    const entry: Record<string, unknown> = {
      version: name,
      file,
      note: request.note.trim(),
      author: request.author.trim(),
      date: jalaliDate(at),
      savedAt: at.toISOString(),
      status: request.publish ? "published" : "draft",
    };
    try {
      this.options.beforeListingWrite?.(fund, join(dir, file));
      await replaceFile(join(dir, "versions.json"), `${JSON.stringify([...entries, entry], null, 2)}\n`);
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw saveFailed(e);
    } finally {
      // Whatever happened, the store reads the folder again (a half-done save lists nothing new).
      this.store.refresh(fund);
    }
    const info = this.store.fund(fund).versions.find((v) => v.version === name);
    if (!info) throw new ApiError("SAVE_FAILED", MESSAGES.saveFailed("the new version is not listed"));
    return { version: info, diagnostics };
  }
}

function insideDir(dir: string, sub: string): boolean {
  try {
    return realpathSync(sub).startsWith(realpathSync(dir) + sep);
  } catch {
    return false;
  }
}

/**
 * versions.json's entries as the file has them (every field kept, even ones the store ignores); for a
 * fund with only a versions/ folder, one entry per listed version, so that nothing disappears from
 * its listing when versions.json is first written.
 */
function listingEntries(dir: string, listed: VersionInfo[]): Record<string, unknown>[] {
  const path = join(dir, "versions.json");
  if (existsSync(path)) {
    const data: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (Array.isArray(data)) return data as Record<string, unknown>[];
  }
  return listed.map((v) => ({ version: v.version, file: `versions/${v.version}.zb` }));
}

/** An error while writing, as the API answers it: the cause's code, never a server path. */
function saveFailed(e: unknown): ApiError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return new ApiError("SAVE_FAILED", MESSAGES.saveFailed(typeof code === "string" ? code : "I/O error"));
}

const tempName = (dir: string, base: string) =>
  join(dir, `.${base}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);

/** Write `text` to a new temporary file in `dir` and flush it to disk; its path. */
async function writeTemp(dir: string, base: string, text: string): Promise<string> {
  const temp = tempName(dir, base);
  const file = await open(temp, "wx", 0o644);
  try {
    await file.writeFile(text, "utf8");
    await file.sync();
  } catch (e) {
    await file.close();
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await file.close();
  return temp;
}

/** Flush a folder's entries (a new name, a rename) to disk, where the platform allows it. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms cannot open or fsync a folder; the data itself is already flushed.
  }
}

/**
 * Put `text` at `<dir>/<name>.zb` for the first name `nextName` offers that does not exist yet: the
 * link fails on an existing name, so no version file is ever overwritten. Returns the name.
 */
async function writeNewFile(dir: string, text: string, nextName: () => string): Promise<string> {
  const temp = await writeTemp(dir, "new.zb", text);
  try {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const name = nextName();
      try {
        await link(temp, join(dir, `${name}.zb`));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") continue;
        throw e;
      }
      await syncDir(dir);
      return name;
    }
    throw Object.assign(new Error("no free version name"), { code: "EEXIST" });
  } finally {
    // The temporary name goes; the linked name keeps the data.
    await unlink(temp).catch(() => undefined);
  }
}

/** Replace `path` with `text` atomically: a flushed temporary file renamed over it. */
async function replaceFile(path: string, text: string): Promise<void> {
  const dir = join(path, "..");
  const temp = await writeTemp(dir, "versions.json", text);
  try {
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncDir(dir);
}
