/**
 * POST /rulesets/:fund/versions/:version/evaluate — one case — and …/evaluate/batch — many.
 *
 * The request's shape is checked by the route schema (ajv) before the handler runs; the case itself
 * by the engine, against the ruleset's inputs and input schema, before anything is evaluated: an
 * invalid case is a 422 with every bad field. In a batch each case stands alone: the answer lists,
 * in order, each case's result or its error, so one bad case does not cost the others.
 *
 * Evaluation is the compiled evaluator's evaluateSync. A batch yields to the event loop every few
 * milliseconds, so that a large batch does not hold up other clients (or the health check) for its
 * whole duration; each of its cases is held to the one-case key limit before the engine sees it.
 */
import type { FastifyPluginAsync } from "fastify";
import { CaseError, type EvaluationResult } from "../../lib";
import type { ServerContext } from "../app";
import { ApiError, type ErrorBody, MAX_DETAILS, MESSAGES } from "../errors";
import { countKeys } from "../guard";
import { batchRequest, evaluateRequest, versionParams } from "../schemas";
import type { LoadedVersion } from "../store";

interface VersionParams {
  fund: string;
  version: string;
}

/** A batch gives the event loop a turn at least this often (ms). */
const SLICE_MS = 10;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function caseInvalid(e: CaseError): ApiError {
  return new ApiError("CASE_INVALID", MESSAGES.caseInvalid, e.issues.slice(0, MAX_DETAILS));
}

export function evaluateRoutes(ctx: ServerContext): FastifyPluginAsync {
  const evaluate = (loaded: LoadedVersion, input: unknown, trace: boolean): EvaluationResult => {
    const result = loaded.engine.evaluateSync(input, { trace });
    ctx.stats.evaluated++;
    return result;
  };

  return async (app) => {
    app.post<{ Params: VersionParams; Body: { case: unknown; trace?: boolean } }>(
      "/rulesets/:fund/versions/:version/evaluate",
      { schema: { params: versionParams, body: evaluateRequest }, bodyLimit: ctx.limits.bodyBytes },
      async (request) => {
        const loaded = ctx.store.get(request.params.fund, request.params.version);
        try {
          const result = evaluate(loaded, request.body.case, request.body.trace === true);
          return { fund: loaded.fund, version: loaded.version, result };
        } catch (e) {
          if (e instanceof CaseError) throw caseInvalid(e);
          throw e;
        }
      },
    );

    app.post<{ Params: VersionParams; Body: { cases: unknown[]; trace?: boolean } }>(
      "/rulesets/:fund/versions/:version/evaluate/batch",
      {
        schema: { params: versionParams, body: batchRequest(ctx.limits.batchCases) },
        bodyLimit: ctx.limits.batchBodyBytes,
        config: { maxKeys: ctx.limits.batchKeys },
      },
      async (request) => {
        const loaded = ctx.store.get(request.params.fund, request.params.version);
        const trace = request.body.trace === true;
        const results: ({ ok: true; result: EvaluationResult } | { ok: false; error: ErrorBody["error"] })[] =
          [];
        const { cases } = request.body;
        let sliceStart = performance.now();
        for (let i = 0; i < cases.length; i++) {
          if (performance.now() - sliceStart > SLICE_MS) {
            await yieldToEventLoop();
            sliceStart = performance.now();
            // The client has gone: nobody will read the rest.
            if (request.raw.destroyed) break;
          }
          if (countKeys(cases[i]) > ctx.limits.caseKeys) {
            const tooMany = new ApiError("TOO_MANY_KEYS", MESSAGES.tooManyKeys(ctx.limits.caseKeys));
            results.push({ ok: false, error: tooMany.body().error });
            continue;
          }
          try {
            results.push({ ok: true, result: evaluate(loaded, cases[i], trace) });
          } catch (e) {
            if (!(e instanceof CaseError)) throw e;
            results.push({ ok: false, error: caseInvalid(e).body().error });
          }
        }
        return { fund: loaded.fund, version: loaded.version, results };
      },
    );
  };
}
