/**
 * One compare worker thread: its own compiled engines for the two versions (an engine is never shared
 * across threads, docs/api.md), built once from the artefacts in workerData; then, per message, a
 * chunk of lines in, their diffs out, in the same order.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type Artefact, createEngine } from "../engine";
import { diffLine } from "./compare";
import type { ChunkReply, ChunkRequest } from "./pool";

const { base, candidate } = workerData as { base: Artefact; candidate: Artefact };
const baseEngine = createEngine(base);
const candidateEngine = createEngine(candidate);

parentPort?.on("message", (request: ChunkRequest) => {
  let reply: ChunkReply;
  try {
    reply = {
      id: request.id,
      results: request.lines.map((l) => diffLine(baseEngine, candidateEngine, l)),
    };
  } catch (e) {
    reply = { id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort?.postMessage(reply);
});
parentPort?.postMessage({ ready: true });
