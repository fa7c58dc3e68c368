/** GET /health: liveness, load and memory — answered even while the service sheds load. */
import type { FastifyPluginAsync } from "fastify";
import type { ServerContext } from "../app";

export function healthRoutes(ctx: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get("/health", async () => {
      const memory = process.memoryUsage();
      const pressure = ctx.pressure();
      const body: Record<string, unknown> = {
        status: pressure.overloaded ? "overloaded" : "ok",
        uptimeSeconds: Math.round((Date.now() - ctx.stats.started) / 100) / 10,
        rulesets: ctx.store.funds().length,
        evaluated: ctx.stats.evaluated,
        memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      };
      if (pressure.eventLoopDelayMs !== undefined) body.eventLoopDelayMs = pressure.eventLoopDelayMs;
      return body;
    });
  };
}
