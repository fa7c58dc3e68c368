/**
 * The page's side of the run worker: one worker for the page, a promise per request. Requests run
 * one after another in the worker (each is a few hundred milliseconds at most, a comparison a few
 * seconds), so a panel waits for its own answer only.
 */
import RunWorker from "./run.worker?worker";
import type { RunAnswer, RunRequest } from "./run-protocol";

type Pending = (answer: RunAnswer) => void;

/** A request as a panel writes it: the id is the runner's. */
type Ask = RunRequest extends infer R ? (R extends RunRequest ? Omit<R, "id"> : never) : never;

export class Runner {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  /** Started on the first request: the engine, compiler and case generator load only when used. */
  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new RunWorker();
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<RunAnswer & { id: number }>) => {
      const { id, ...answer } = event.data;
      const resolve = this.pending.get(id);
      this.pending.delete(id);
      resolve?.(answer as RunAnswer);
    };
    worker.onerror = (event) => {
      // The worker itself died (not a thrown error, which it answers): fail everything waiting.
      for (const resolve of this.pending.values()) resolve({ kind: "failure", message: event.message });
      this.pending.clear();
    };
    return worker;
  }

  run(request: Ask): Promise<RunAnswer> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.start().postMessage({ ...request, id } as RunRequest);
    });
  }
}
