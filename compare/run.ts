/**
 * The corpus loop: cases read in order, sent in chunks to a DiffRunner (this thread or workers), and
 * merged into a Comparison in corpus order, malformed lines in their places. At most `inFlight` chunks
 * are out at once, so memory does not grow with the corpus.
 */
import type { Comparison } from "./compare";
import { parseRawCase, type RawCase } from "./json-line";
import type { DiffRunner, LineResult } from "./pool";
import type { CaseLine } from "./read";
import type { Message } from "./types";

/** A malformed line under --strict: the run stops there. */
export class MalformedLineError extends Error {
  readonly line: number;
  readonly malformed: Message;
  constructor(line: number, malformed: Message) {
    super(malformed.en);
    this.name = "MalformedLineError";
    this.line = line;
    this.malformed = malformed;
  }
}

/** Cases per chunk unless the caller says otherwise (zavabet compare sends the same). */
export const DEFAULT_CHUNK = 256;

export interface RunOptions {
  strict?: boolean;
  /** Cases per chunk (default DEFAULT_CHUNK). */
  chunk?: number;
  /** Chunks out at once (default 2 per thread). */
  inFlight?: number;
  /** Called after each case is merged (progress). */
  onCase?: () => void;
  /** Resolves when the run must stop (an interruption): what is merged by then is reported. */
  stop?: Promise<unknown>;
}

/** A case the runner has evaluated (so it is a JSON object). */
function parsedCase(raw: RawCase): Record<string, unknown> {
  const parsed = parseRawCase(raw);
  return "case" in parsed ? parsed.case : {};
}

/** Run the corpus; `true` when it was read to the end, `false` when stopped. */
export async function runCorpus(
  lines: AsyncIterator<CaseLine>,
  comparison: Comparison,
  runner: DiffRunner,
  options: RunOptions = {},
): Promise<boolean> {
  const chunkSize = options.chunk ?? DEFAULT_CHUNK;
  const inFlight = options.inFlight ?? runner.threads * 2;
  // A sent chunk is kept as its lines (a case's bytes are outside the JavaScript heap: held while the
  // chunk is out, as strings or objects they outlived the young generation, and this thread's heap
  // grew with the corpus until the collector caught up), to be given to the report for its examples.
  const queue: { items: CaseLine[]; results: Promise<LineResult[]> }[] = [];
  // One reaction on `stop` for the whole run, waking whichever read is waiting. (A Promise.race with
  // `stop` per line would add a reaction per line to a promise that never settles, each holding its
  // line: memory growing with the corpus.)
  let stopped = false;
  let wake: ((v: "stop") => void) | undefined;
  options.stop?.then(() => {
    stopped = true;
    wake?.("stop");
  });
  const read = () =>
    new Promise<IteratorResult<CaseLine> | "stop">((resolve, reject) => {
      if (stopped) return resolve("stop");
      wake = resolve;
      lines.next().then(resolve, reject);
    });

  const merge = async () => {
    const head = queue.shift();
    if (!head) return;
    const results = await head.results;
    let k = 0;
    const malformed = (line: number, message: Message) => {
      if (options.strict) throw new MalformedLineError(line, message);
      comparison.addMalformed(line, message);
    };
    for (const item of head.items) {
      if ("malformed" in item) {
        malformed(item.line, item.malformed);
        continue;
      }
      // A line the reader passed on as a case may still be no JSON object: found where it is parsed.
      const result = results[k++] as LineResult;
      if ("message" in result) malformed(result.line, result.message);
      else {
        comparison.add(result, () => parsedCase(item));
        options.onCase?.();
      }
    }
  };
  const send = (items: CaseLine[]) => {
    const results = runner.run(items.filter((i): i is RawCase => "bytes" in i));
    results.catch(() => {}); // awaited in order by merge; a failure surfaces there
    queue.push({ items, results });
  };

  let items: CaseLine[] = [];
  let cases = 0;
  for (;;) {
    const next = await read();
    wake = undefined;
    if (next === "stop") break;
    if (next.done) break;
    const item = next.value;
    items.push(item);
    if ("bytes" in item) cases++;
    if (cases >= chunkSize) {
      send(items);
      items = [];
      cases = 0;
      while (queue.length >= inFlight) await merge();
    }
  }
  if (items.length > 0) send(items);
  // Chunks already sent are merged even when stopped: they are a few, and the report stays in order.
  while (queue.length > 0) await merge();
  return !stopped;
}
