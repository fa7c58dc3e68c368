/**
 * What the service can run: GET /rulesets (every fund and its versions), GET /rulesets/:fund,
 * GET /rulesets/:fund/versions/:version/schema (the inputs a case may have) and
 * GET /rulesets/:fund/versions/:version/artefact (the compiled artefact, as `zavabet compile` writes it).
 * `:version` may be "latest".
 */
import type { FastifyPluginAsync } from "fastify";
import type { ServerContext } from "../app";
import { fundParams, versionParams } from "../schemas";

interface FundParams {
  fund: string;
}
interface VersionParams extends FundParams {
  version: string;
}

export function rulesetRoutes(ctx: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get("/rulesets", async () => ({ rulesets: ctx.store.funds() }));

    app.get<{ Params: FundParams }>("/rulesets/:fund", { schema: { params: fundParams } }, async (request) =>
      ctx.store.fund(request.params.fund),
    );

    app.get<{ Params: VersionParams }>(
      "/rulesets/:fund/versions/:version/schema",
      { schema: { params: versionParams } },
      async (request) => {
        const { fund, version, artefact } = ctx.store.get(request.params.fund, request.params.version);
        return {
          fund,
          version,
          inputSchema: artefact.inputSchema,
          inputs: artefact.inputs.map(({ name, alias, type, required }) =>
            alias === undefined ? { name, type, required } : { name, alias, type, required },
          ),
        };
      },
    );

    app.get<{ Params: VersionParams }>(
      "/rulesets/:fund/versions/:version/artefact",
      { schema: { params: versionParams } },
      async (request, reply) => {
        const loaded = ctx.store.get(request.params.fund, request.params.version);
        return reply.type("application/json; charset=utf-8").send(loaded.artefactJson);
      },
    );
  };
}
