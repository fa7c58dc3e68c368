/** GET /openapi.json: the service's OpenAPI document, for its current limits. */
import { readFileSync } from "node:fs";
import type { FastifyPluginAsync } from "fastify";
import type { ServerContext } from "../app";
import { buildOpenApi } from "../openapi";

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version?: unknown;
  };
  return typeof pkg.version === "string" ? pkg.version : "0.0.0";
}

export function openApiRoutes(ctx: ServerContext): FastifyPluginAsync {
  const document = JSON.stringify(buildOpenApi(ctx.limits, packageVersion()));
  return async (app) => {
    app.get("/openapi.json", async (_request, reply) =>
      reply.type("application/json; charset=utf-8").send(document),
    );
  };
}
