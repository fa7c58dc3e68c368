/**
 * Evaluating a corpus on several threads: one worker per thread, each with its own compiled engines
 * (compare/worker.ts); cases go out in chunks, and the chunks' diffs come back to be merged in corpus
 * order, so a report is the same whatever the number of threads. At most a few chunks per worker
 * are in flight: the corpus is never all in memory.
 */
import { Worker } from "node:worker_threads";
import type { Artefact, ZavabetEngine } from "../engine";
import { type CaseDiff, diffCase } from "./compare";

export interface ChunkRequest {
  id: number;
  cases: { line: number; case: Record<string, unknown> }[];
}

export type ChunkReply = { id: number; diffs: CaseDiff[] } | { id: number; error: string };

/** Where chunks are evaluated: in this thread, or on worker threads. */
export interface DiffRunner {
  readonly threads: number;
  run(cases: ChunkRequest["cases"]): Promise<CaseDiff[]>;
  close(): Promise<void>;
}

/** Evaluate in this thread (one thread, or a corpus too small to be worth starting workers). */
export function localRunner(base: ZavabetEngine, candidate: ZavabetEngine): DiffRunner {
  return {
    threads: 1,
    run: async (cases) => cases.map((c) => diffCase(base, candidate, c.line, c.case)),
    close: async () => {},
  };
}

interface Slot {
  worker: Worker;
  /** Chunks given to this worker and not yet answered (counted before it is ready, too). */
  load: number;
  pending: Map<number, { resolve: (d: CaseDiff[]) => void; reject: (e: Error) => void }>;
  ready: Promise<void>;
}

/** `threads` workers, each loading both artefacts once. */
export function workerRunner(base: Artefact, candidate: Artefact, threads: number): DiffRunner {
  let nextId = 0;
  let failure: Error | undefined;
  const slots: Slot[] = [];
  for (let i = 0; i < threads; i++) {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), { workerData: { base, candidate } });
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
        else p?.resolve(m.diffs);
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
    async run(cases) {
      if (failure) throw failure;
      // The least busy worker; ties go to the first.
      let slot = slots[0] as Slot;
      for (const s of slots) if (s.load < slot.load) slot = s;
      slot.load++;
      try {
        await slot.ready;
        const id = nextId++;
        return await new Promise<CaseDiff[]>((resolve, reject) => {
          slot.pending.set(id, { resolve, reject });
          slot.worker.postMessage({ id, cases } satisfies ChunkRequest);
        });
      } finally {
        slot.load--;
      }
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
    run(cases) {
      chosen ??=
        cases.length < chunkSize
          ? local
          : workerRunner(engines.base.artefact, engines.candidate.artefact, threads);
      return chosen.run(cases);
    },
    close: () => chosen?.close() ?? Promise.resolve(),
  };
}
