/**
 * What the service can run: GET /rulesets (every fund and its versions), GET /rulesets/:fund,
 * GET /rulesets/:fund/versions/:version/schema (the inputs a case may have),
 * GET /rulesets/:fund/versions/:version/artefact (the compiled artefact, as `zavabet compile` writes it)
 * and …/source (the rule file's text). `:version` may be "latest" or "published".
 * Also what the editor reads beside a version: GET /rulesets/:fund/clauses (the clause index) and
 * GET /rulesets/:fund/examples (the example cases).
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

    app.get<{ Params: FundParams }>(
      "/rulesets/:fund/clauses",
      { schema: { params: fundParams } },
      async (request) => ctx.store.clauses(request.params.fund),
    );

    app.get<{ Params: FundParams }>(
      "/rulesets/:fund/examples",
      { schema: { params: fundParams } },
      async (request) => ({ examples: ctx.store.examples(request.params.fund) }),
    );

    app.get<{ Params: VersionParams }>(
      "/rulesets/:fund/versions/:version/source",
      { schema: { params: versionParams } },
      async (request, reply) => {
        const text = ctx.store.source(request.params.fund, request.params.version);
        // "latest" and "published" move when a version is saved: never cached without asking.
        return reply.type("text/plain; charset=utf-8").header("cache-control", "no-cache").send(text);
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
