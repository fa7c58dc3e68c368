/**
 * `zavabet cases generate <ruleset> --count N [--seed S] [--out file]`: a synthetic corpus of cases
 * for a ruleset, as JSON Lines (one case a line), built on engine/generate's iterateCases: every
 * input's range and every boundary of the ruleset (just below / at / above each parameter and table
 * edge). The same ruleset, count and seed always give the same bytes, and a shorter run is a prefix
 * of a longer one. Cases are written a chunk at a time, waiting for the output to drain, so the
 * corpus is never held in memory whatever its size.
 */
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { iterateCases } from "../engine/generate";
import { CliError, EXIT, type ExitCode, messageOf } from "./errors";
import { err } from "./io";
import { loadOrReport } from "./load";
import { resolveRuleset } from "./resolve";

export interface CasesGenerateOptions {
  count: string;
  seed?: string;
  out?: string;
}

/** The most cases one run writes: far beyond any corpus the bench needs, below what would overflow. */
const MAX_COUNT = 1_000_000_000;

function integerOption(text: string, name: string, min: number, max: number): number {
  const ascii = text.trim().replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  const n = /^-?\d+$/.test(ascii) ? Number(ascii) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new CliError(
      `${name} باید عدد صحیحی از ${min} تا ${max} باشد، اما «${text}» آمده است`,
      `${name} must be an integer from ${min} to ${max}, got «${text}»`,
    );
  }
  return n;
}

/** Write `text`, waiting for the stream to drain when its buffer is full. */
function write(stream: Writable, text: string): Promise<void> | undefined {
  if (stream.write(text)) return undefined;
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off("error", onError);
      resolve();
    };
    const onError = (e: Error) => {
      stream.off("drain", onDrain);
      reject(e);
    };
    stream.once("drain", onDrain);
    stream.once("error", onError);
  });
}

export async function runCasesGenerate(arg: string, options: CasesGenerateOptions): Promise<ExitCode> {
  const count = integerOption(options.count, "--count", 1, MAX_COUNT);
  // Seeds are 32-bit integers (fast-check's); negative ones are as good as positive ones.
  const seed = integerOption(options.seed ?? "0", "--seed", -(2 ** 31), 2 ** 31 - 1);
  const r = resolveRuleset(arg, { allowArtefact: true });
  const artefact = loadOrReport(
    r,
    "قواعد خطا دارد و موردی ساخته نشد — the ruleset has errors; no cases were generated",
  );
  if (!artefact) return EXIT.failed;

  const toFile = options.out !== undefined && options.out !== "-";
  const stream: Writable = toFile ? createWriteStream(options.out as string) : process.stdout;
  const failed = new Promise<never>((_, reject) => stream.once("error", reject));
  failed.catch(() => {});
  try {
    for (const chunk of iterateCases(artefact, count, seed)) {
      let text = "";
      for (const c of chunk) text += `${JSON.stringify(c)}\n`;
      const drained = write(stream, text);
      if (drained) await Promise.race([drained, failed]);
    }
    if (toFile) {
      await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
      err(`✓ ${count} مورد → ${options.out} — ${count} cases → ${options.out} (seed ${seed})`);
    }
  } catch (e) {
    throw new CliError(
      `نوشتن موردها در «${options.out ?? "stdout"}» ممکن نشد`,
      `Cannot write the cases to «${options.out ?? "stdout"}»: ${messageOf(e)}`,
    );
  }
  return EXIT.ok;
}
