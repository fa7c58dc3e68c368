/** Runs the real CLI (`node bin/zavabet.js ...`) from the repository root, as a user would. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const FIXTURES = "test/cli/fixtures";
export const RULESETS = `${FIXTURES}/rulesets`;
export const TINY = `${RULESETS}/tiny/versions/10.zb`;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Text for standard input (closed empty when not given). */
  input?: string;
  env?: Record<string, string>;
}

/** Run the CLI; every run is checked never to print a stack trace. */
export function zavabet(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env?.ZAVABET_RULESETS) delete env.ZAVABET_RULESETS;
  delete env.ZAVABET_DEBUG;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ["bin/zavabet.js", ...args],
      { cwd: ROOT, env, encoding: "utf8", maxBuffer: 16 * 1024 * 1024, timeout: 100_000 },
      (error, stdout, stderr) => {
        const code = child.exitCode;
        if (code === null) {
          reject(error ?? new Error(`zavabet ${args.join(" ")} ended without an exit code`));
          return;
        }
        expect(stdout + stderr, "no stack trace is ever printed").not.toContain("    at ");
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? "");
  });
}

/** `zavabet ...` with the fixture rulesets as the rulesets folder. */
export function withFixtureRulesets(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return zavabet(args, { ...options, env: { ...options.env, ZAVABET_RULESETS: RULESETS } });
}

/** Each run starts node and tsx and loads the compiler: allow for a busy machine. */
export const SLOW = { timeout: 120_000 };
