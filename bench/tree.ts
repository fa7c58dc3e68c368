/**
 * Which code a bench measured: the commit, and the files under the measured folders that differed
 * from it (several people work in one checkout: a figure taken over someone's uncommitted change
 * must say so).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface Tree {
  commit: string;
  /** Files under `paths` that differ from the commit (git status --porcelain), empty when clean. */
  uncommitted: string[];
}

export function tree(paths: readonly string[]): Tree {
  const git = (args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      return "";
    }
  };
  return {
    commit: git(["rev-parse", "HEAD"]).trim() || "unknown",
    uncommitted: git(["status", "--porcelain", "--", ...paths])
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => l.slice(3)),
  };
}

/** The line a bench prints about the code it measured. */
export function describeTree(t: Tree): string {
  const changed = t.uncommitted.length ? `, with uncommitted changes to ${t.uncommitted.join(", ")}` : "";
  return `code: ${t.commit.slice(0, 10)}${changed}`;
}

/** Writes a bench report as JSON to `out` (if given), records where in it, and says so. */
export function writeReport(
  report: { written?: string },
  out: string | undefined,
  log: (line: string) => void,
): void {
  if (out === undefined) return;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  report.written = relative(ROOT, out);
  log(`figures written to ${report.written}`);
}
