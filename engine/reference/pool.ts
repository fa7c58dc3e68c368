/**
 * A small pool of json-rules-engine Engines for one artefact.
 *
 * Why: one json-rules-engine 7.3.1 `Engine` must never serve overlapping `run()` calls. `run()` keeps
 * its state on the engine (`status`); the first run to finish sets it to FINISHED, and every other
 * run still in flight then silently skips its remaining rules. So each run borrows an engine no
 * other run is using: a free one if there is one, else a new one (all built from the same rules),
 * and gives it back when it is done. Engines are reused across cases, never built per case.
 */
import { Engine, type RuleProperties } from "json-rules-engine";
import type { JreRule } from "../../artefact/types";
import { registerOperators } from "../operators";

/** Idle engines kept after a burst; more than this are dropped on release. */
const MAX_IDLE = 32;

export class EnginePool {
  private readonly idle: Engine[] = [];
  private created = 0;
  private busy = 0;

  constructor(private readonly rules: readonly JreRule[]) {
    this.idle.push(this.build());
  }

  private build(): Engine {
    // Each engine gets its own copy of the rules: json-rules-engine keeps state on rule objects.
    const engine = new Engine(structuredClone(this.rules) as unknown as RuleProperties[], {
      allowUndefinedFacts: true,
    });
    registerOperators(engine);
    this.created++;
    return engine;
  }

  /** Run `work` on an engine no other run is using. */
  async use<T>(work: (engine: Engine) => Promise<T>): Promise<T> {
    const engine = this.idle.pop() ?? this.build();
    this.busy++;
    try {
      return await work(engine);
    } finally {
      this.busy--;
      if (this.idle.length < MAX_IDLE) this.idle.push(engine);
    }
  }

  stats(): { created: number; idle: number; busy: number } {
    return { created: this.created, idle: this.idle.length, busy: this.busy };
  }
}
