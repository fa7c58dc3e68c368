/** Writing to the terminal, and reading a whole file or standard input. */
import { readFileSync } from "node:fs";
import { CliError, messageOf } from "./errors";

/** A line to standard output. */
export function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A line to standard error. */
export function err(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The text of `path`, or of standard input when `path` is "-" or absent. */
export async function readInput(path: string | undefined, what: { fa: string; en: string }): Promise<string> {
  if (path === undefined || path === "-") {
    if (process.stdin.isTTY) {
      throw new CliError(
        `${what.fa} را به صورت پرونده بدهید یا از ورودی استاندارد بفرستید`,
        `Give the ${what.en} as a file, or pipe it to standard input`,
      );
    }
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin)
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = e instanceof Error && "code" in e ? e.code : undefined;
    if (code === "ENOENT") {
      throw new CliError(`پرونده‌ی ${what.fa} «${path}» پیدا نشد`, `No such ${what.en} file: «${path}»`);
    }
    throw new CliError(
      `خواندن ${what.fa} از «${path}» ممکن نشد`,
      `Cannot read the ${what.en} «${path}»: ${messageOf(e)}`,
    );
  }
}
