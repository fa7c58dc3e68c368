/**
 * Evaluating a corpus on several threads: one worker per thread, each with its own compiled engines
 * (compare/worker.ts); cases go out in chunks of lines of JSON (bytes), parsed by the worker, and the
 * chunks' diffs come back to be merged in corpus order, so a report is the same whatever the number
 * of threads. At most a few chunks per worker are in flight: the corpus is never all in memory.
 */
import { Worker } from "node:worker_threads";
import type { Artefact, ZavabetEngine } from "../engine";
import { type CaseDiff, diffLine } from "./compare";
import type { RawCase } from "./json-line";
import type { MalformedLine } from "./types";

/** One line's result: its diff, or why it is no case. */
export type LineResult = CaseDiff | MalformedLine;

export interface ChunkRequest {
  id: number;
  lines: RawCase[];
}

export type ChunkReply = { id: number; results: LineResult[] } | { id: number; error: string };

/** Where chunks are evaluated: in this thread, or on worker threads. */
export interface DiffRunner {
  readonly threads: number;
  run(lines: RawCase[]): Promise<LineResult[]>;
  close(): Promise<void>;
}

/** Evaluate in this thread (one thread, or a corpus too small to be worth starting workers). */
export function localRunner(base: ZavabetEngine, candidate: ZavabetEngine): DiffRunner {
  return {
    threads: 1,
    run: async (lines) => lines.map((l) => diffLine(base, candidate, l)),
    close: async () => {},
  };
}

/**
 * A worker's young generation, in MB. A case's garbage dies young, so a small one costs no time (the
 * same CPU time per case, measured); left to V8, each worker's heap kept growing over the first tens
 * of thousands of cases (Omid: 74 → 91 MB each over 15,000 cases, and a run's peak RSS with it),
 * capped it stays at about 40 MB from the first chunks on, whatever the corpus size. Objects that
 * outlive it are promoted, never refused: this cannot run a worker out of memory.
 */
export const WORKER_YOUNG_GENERATION_MB = 8;

interface Slot {
  worker: Worker;
  /** Chunks given to this worker and not yet answered (counted before it is ready, too). */
  load: number;
  pending: Map<number, { resolve: (results: LineResult[]) => void; reject: (e: Error) => void }>;
  ready: Promise<void>;
}

/**
 * Send a chunk once the worker is ready. A function of its own so that only the posting holds the
 * cases, and only until they are posted (copied to the worker): the chunk's reply, which may be a
 * while, must not keep them alive in this thread.
 */
function post(slot: Slot, request: ChunkRequest): void {
  slot.ready.then(
    () => slot.worker.postMessage(request),
    () => {}, // the failure rejects the chunk's reply (Slot.pending)
  );
}

/** `threads` workers, each loading both artefacts once. */
export function workerRunner(base: Artefact, candidate: Artefact, threads: number): DiffRunner {
  let nextId = 0;
  let failure: Error | undefined;
  const slots: Slot[] = [];
  for (let i = 0; i < threads; i++) {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
      workerData: { base, candidate },
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    const pending: Slot["pending"] = new Map();
    const ready = new Promise<void>((resolve, reject) => {
      worker.on("message", (m: ChunkReply | { ready: true }) => {
        if ("ready" in m) {
          resolve();
          return;
        }
        const p = pending.get(m.id);
        pending.delete(m.id);
        if ("error" in m) p?.reject(new Error(m.error));
        else p?.resolve(m.results);
      });
      const fail = (e: Error) => {
        failure ??= e;
        reject(e);
        for (const p of pending.values()) p.reject(e);
        pending.clear();
      };
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (pending.size > 0) fail(new Error(`a compare worker exited (code ${code}) with chunks in flight`));
      });
    });
    ready.catch(() => {});
    slots.push({ worker, load: 0, pending, ready });
  }
  return {
    threads,
    run(lines) {
      if (failure) return Promise.reject(failure);
      // The least busy worker; ties go to the first.
      let slot = slots[0] as Slot;
      for (const s of slots) if (s.load < slot.load) slot = s;
      slot.load++;
      const id = nextId++;
      const reply = new Promise<LineResult[]>((resolve, reject) => {
        // Rejected, with every chunk in flight, if the worker fails (starting or later).
        slot.pending.set(id, { resolve, reject });
      });
      post(slot, { id, lines });
      return reply.finally(() => {
        slot.load--;
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/**
 * Workers when the corpus is worth them: a corpus that fits in its first chunk (fewer than
 * `chunkSize` cases) is evaluated here, without paying for starting threads; otherwise `threads`
 * workers start with the first chunk. One thread means this thread.
 */
export function autoRunner(
  engines: { base: ZavabetEngine; candidate: ZavabetEngine },
  threads: number,
  chunkSize: number,
): DiffRunner {
  const local = localRunner(engines.base, engines.candidate);
  if (threads <= 1) return local;
  let chosen: DiffRunner | undefined;
  return {
    threads,
    run(lines) {
      chosen ??=
        lines.length < chunkSize
          ? local
          : workerRunner(engines.base.artefact, engines.candidate.artefact, threads);
      return chosen.run(lines);
    },
    close: () => chosen?.close() ?? Promise.resolve(),
  };
}
