/** What a service operator can tune, and the defaults (docs/http.md, "Limits"). */
import { getHeapStatistics } from "node:v8";

export interface Limits {
  /** Largest body of POST …/evaluate, in bytes. */
  bodyBytes: number;
  /** Largest body of POST …/evaluate/batch, in bytes. */
  batchBodyBytes: number;
  /** Most cases in one batch. */
  batchCases: number;
  /** Deepest nesting of arrays and objects in a body (the body itself is level 1). */
  depth: number;
  /** Longest string (key or value) in a body, in UTF-16 units. */
  stringLength: number;
  /**
   * Most object keys in one case, list items' keys included. The engine's report of a bad case grows
   * with the square of its bad fields (reported), so a case is bounded well below what a body allows.
   */
  caseKeys: number;
  /** Most object keys in a whole batch body. */
  batchKeys: number;
  /** A request must arrive whole (headers and body) within this many ms, else 408. */
  requestTimeoutMs: number;
  /** Its headers must arrive within this many ms. */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this many ms. */
  keepAliveTimeoutMs: number;
  /** How often the server looks for requests past their time limits. */
  timeoutCheckIntervalMs: number;
}

export interface LoadShedding {
  /** Shed load (503 + Retry-After) when the mean event-loop delay over a sample exceeds this (ms); 0 off. */
  maxEventLoopDelayMs: number;
  /** … or the heap in use exceeds this many bytes; 0 off. */
  maxHeapUsedBytes: number;
  /** … or the resident set exceeds this many bytes; 0 off. */
  maxRssBytes: number;
  /** How often the load is sampled (ms). */
  sampleIntervalMs: number;
  /** The Retry-After the 503 carries, in seconds. */
  retryAfterSeconds: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 1024 * 1024,
  batchBodyBytes: 8 * 1024 * 1024,
  batchCases: 1000,
  depth: 32,
  stringLength: 10_000,
  caseKeys: 2_000,
  batchKeys: 50_000,
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 5_000,
  keepAliveTimeoutMs: 5_000,
  timeoutCheckIntervalMs: 1_000,
};

export function defaultLoadShedding(): LoadShedding {
  return {
    // A second behind: a batch on a busy machine legitimately holds the loop for tens of milliseconds
    // at a time (test runs at 200 ms shed batches on a shared 2-core machine), a flood holds it for far more.
    maxEventLoopDelayMs: 1000,
    // Most of the heap V8 will allow: past this, the process is close to dying of memory.
    maxHeapUsedBytes: Math.floor(getHeapStatistics().heap_size_limit * 0.9),
    maxRssBytes: 0,
    sampleIntervalMs: 500,
    retryAfterSeconds: 2,
  };
}
