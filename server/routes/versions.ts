/**
 * POST /rulesets/:fund/versions — save a new version (./versions.ts does the writing).
 *
 * Refused before the body is even read when the server is read-only (403 READ_ONLY) or was given a
 * write token and the request does not carry it (401 WRITE_TOKEN_REQUIRED); the token is compared in
 * constant time. Then the body's shape (400), and the writer's own answers: 404, 409 VERSION_CONFLICT,
 * 422 DRAFT_HAS_ERRORS, 500 SAVE_FAILED, or 201 with the new version as listed and its diagnostics.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { ServerContext } from "../app";
import { ApiError, MESSAGES } from "../errors";
import { fundParams, saveRequest } from "../schemas";
import type { SaveRequest } from "../versions";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Whether the request's `Authorization: Bearer <token>` is `token` (hashes compared: no length leak). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "")?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

export function versionRoutes(ctx: ServerContext): FastifyPluginAsync {
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    if (ctx.writes.readOnly) throw new ApiError("READ_ONLY", MESSAGES.readOnly);
    const token = ctx.writes.token;
    if (token !== undefined && !bearerMatches(request.headers.authorization, token)) {
      reply.header("www-authenticate", 'Bearer realm="zavabet"');
      throw new ApiError("WRITE_TOKEN_REQUIRED", MESSAGES.writeTokenRequired);
    }
  };

  return async (app) => {
    app.post<{ Params: { fund: string }; Body: SaveRequest }>(
      "/rulesets/:fund/versions",
      {
        schema: { params: fundParams, body: saveRequest },
        bodyLimit: ctx.limits.bodyBytes,
        // A rule file is one long string: bounded by the body limit, not by the per-string limit.
        config: { maxStringLength: ctx.limits.bodyBytes },
        onRequest: guard,
      },
      async (request, reply) => {
        const saved = await ctx.writer.save(request.params.fund, request.body);
        return reply.status(201).send(saved);
      },
    );
  };
}
