/**
 * The corpus loop: cases read in order, sent in chunks to a DiffRunner (this thread or workers), and
 * merged into a Comparison in corpus order, malformed lines in their places. At most `inFlight` chunks
 * are out at once, so memory does not grow with the corpus.
 */
import type { CaseDiff, Comparison } from "./compare";
import type { DiffRunner } from "./pool";
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

/** Run the corpus; `true` when it was read to the end, `false` when stopped. */
export async function runCorpus(
  lines: AsyncIterator<CaseLine>,
  comparison: Comparison,
  runner: DiffRunner,
  options: RunOptions = {},
): Promise<boolean> {
  const chunkSize = options.chunk ?? DEFAULT_CHUNK;
  const inFlight = options.inFlight ?? runner.threads * 2;
  // A sent chunk is kept as its malformed lines and a null in each case's place: the case itself goes
  // to the runner and comes back in its diff when something differs, so this thread does not hold it
  // the while the chunk is out (held that long, every case outlived the young generation and the main
  // thread's heap grew with the corpus until the collector caught up).
  const queue: { marks: ({ line: number; malformed: Message } | null)[]; diffs: Promise<CaseDiff[]> }[] = [];
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
    const diffs = await head.diffs;
    let k = 0;
    for (const mark of head.marks) {
      if (mark) comparison.addMalformed(mark.line, mark.malformed);
      else {
        comparison.add(diffs[k++] as CaseDiff);
        options.onCase?.();
      }
    }
  };
  const send = (items: CaseLine[]) => {
    const cases = items.flatMap((i) => ("case" in i ? [i] : []));
    const diffs = runner.run(cases);
    diffs.catch(() => {}); // awaited in order by merge; a failure surfaces there
    queue.push({ marks: items.map((i) => ("malformed" in i ? i : null)), diffs });
  };

  let items: CaseLine[] = [];
  let cases = 0;
  for (;;) {
    const next = await read();
    wake = undefined;
    if (next === "stop") break;
    if (next.done) break;
    const item = next.value;
    if ("malformed" in item && options.strict) throw new MalformedLineError(item.line, item.malformed);
    items.push(item);
    if ("case" in item) cases++;
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
