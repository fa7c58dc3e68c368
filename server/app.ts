/**
 * The HTTP service: `createServer({ rulesetsDir })` returns a fastify instance (not listening yet;
 * call `listen`, or `inject` in tests). Routes live in ./routes, one module a concern; the ruleset
 * store (./store.ts) is on the instance as `app.rulesets`, so that an extension (the editor) can
 * register more routes on the same instance and refresh the store after changing the folder.
 *
 * Order of defences for a request: the socket's time limits (slow clients get 408), load shedding
 * (503 + Retry-After, before the body is even read), the body size limit (413), JSON parsing and the
 * body inspection of ./guard.ts (400), the route's request schema with ajv (400/413), and only then a
 * handler — where the engine checks the case against the ruleset before evaluating anything (422).
 * A write (POST /rulesets/:fund/versions) is refused earlier still, before its body is read, when the
 * server is read-only or the request lacks the write token (./routes/versions.ts).
 */

import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import underPressure, {
  type FastifyUnderPressureOptions as UnderPressureOptions,
} from "@fastify/under-pressure";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from "fastify";
import { editorStatic } from "./editor-static";
import { ApiError, type ErrorBody, type ErrorDetail, MAX_DETAILS, MESSAGES } from "./errors";
import { inspectBody, parseJson } from "./guard";
import { DEFAULT_LIMITS, defaultLoadShedding, type Limits, type LoadShedding } from "./options";
import { evaluateRoutes } from "./routes/evaluate";
import { healthRoutes } from "./routes/health";
import { openApiRoutes } from "./routes/openapi";
import { rulesetRoutes } from "./routes/rulesets";
import { versionRoutes } from "./routes/versions";
import { RulesetStore } from "./store";
import { VersionWriter, type VersionWriterOptions } from "./versions";

export interface ServerOptions {
  /** The folder of ruleset folders (rulesets/<fund>/versions.json). */
  rulesetsDir: string;
  /** Limits on requests; unset fields take DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
  /** Load shedding; unset fields take defaultLoadShedding(). */
  load?: Partial<LoadShedding>;
  /** fastify's logger option (default: no logging). */
  logger?: FastifyServerOptions["logger"];
  /** The built editor (editor/dist) to serve at / (./editor-static.ts); unset, no editor is served. */
  editorDir?: string;
  /**
   * Refuse every write (POST /rulesets/:fund/versions answers 403 READ_ONLY). Default false: an
   * embedding server (the editor) may save versions; `zavabet serve` sets it unless given a token.
   */
  readOnly?: boolean;
  /**
   * When set, a write must carry `Authorization: Bearer <writeToken>` (else 401 WRITE_TOKEN_REQUIRED).
   * Unset, writes are open to whoever can reach the server (which listens on 127.0.0.1 by default).
   */
  writeToken?: string;
  /** The clock and the crash-test hook of the version writer (./versions.ts). */
  versions?: VersionWriterOptions;
}

/** Shared by the route modules. */
export interface ServerContext {
  store: RulesetStore;
  writer: VersionWriter;
  writes: { readOnly: boolean; token?: string };
  limits: Limits;
  load: LoadShedding;
  stats: { evaluated: number; started: number };
  /** Set once load shedding is registered: whether the service is shedding now, and the delay seen. */
  pressure: () => { overloaded: boolean; eventLoopDelayMs?: number };
}

declare module "fastify" {
  interface FastifyInstance {
    /** The rulesets this server answers for. */
    rulesets: RulesetStore;
  }
}

export function createServer(options: ServerOptions): FastifyInstance {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const load: LoadShedding = { ...defaultLoadShedding(), ...options.load };
  const store = new RulesetStore(options.rulesetsDir);
  if (options.writeToken !== undefined && options.writeToken.trim() === "") {
    // An empty token would let "Authorization: Bearer " through: a configuration mistake, refused.
    throw new Error("writeToken must not be empty (leave it unset for open writes)");
  }
  const ctx: ServerContext = {
    store,
    writer: new VersionWriter(store, options.versions),
    writes: { readOnly: options.readOnly ?? false, token: options.writeToken },
    limits,
    load,
    stats: { evaluated: 0, started: Date.now() },
    pressure: () => ({ overloaded: false }),
  };

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: Math.max(limits.bodyBytes, limits.batchBodyBytes),
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    },
    clientErrorHandler: clientError,
    // A URL that does not decode (/%ff) is refused by fastify before any route: in our shape too.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const api = new ApiError("BAD_REQUEST", MESSAGES.badRequest, [
        { field: "url", fa: "نشانی درست کدگذاری نشده است", en: error.message.slice(0, 200) },
      ]);
      reply.status(api.status).type("application/json; charset=utf-8").send(api.body());
    },
    ajv: {
      customOptions: { coerceTypes: false, useDefaults: false, removeAdditional: false, allErrors: true },
    },
  });
  app.decorate("rulesets", store);

  // Only JSON, parsed and inspected by ./guard.ts (fastify's own parsers are replaced).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    try {
      const json = parseJson(body as string);
      // One case and its envelope («case», «trace»), unless the route allows more (the batch route
      // does); strings of the usual length, unless the route carries a long one (a rule file).
      const { maxKeys, maxStringLength } = request.routeOptions.config as {
        maxKeys?: number;
        maxStringLength?: number;
      };
      inspectBody(json, {
        ...limits,
        keys: maxKeys ?? limits.caseKeys + 10,
        stringLength: maxStringLength ?? limits.stringLength,
      });
      done(null, json);
    } catch (e) {
      done(e as Error, undefined);
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const api = toApiError(error, request, limits);
    if (api.status >= 500) request.log.error({ err: error }, "request failed");
    return reply.status(api.status).type("application/json; charset=utf-8").send(api.body());
  });
  app.setNotFoundHandler((request, reply) => {
    const api = new ApiError("NOT_FOUND", MESSAGES.notFound(request.method, request.url.slice(0, 200)));
    return reply.status(api.status).type("application/json; charset=utf-8").send(api.body());
  });

  // Always answered, even under load: an operator must be able to see why the service sheds.
  app.register(healthRoutes(ctx));
  app.register(openApiRoutes(ctx));
  // Everything that does work sits behind load shedding.
  // under-pressure sends what a pressure handler returns and stops the request there (its
  // handlePressure); its types only allow void, hence the cast below.
  const shed = (_request: FastifyRequest, reply: FastifyReply): ErrorBody => {
    const api = new ApiError("OVERLOADED", MESSAGES.overloaded(load.retryAfterSeconds));
    reply
      .status(api.status)
      .header("retry-after", String(load.retryAfterSeconds))
      .type("application/json; charset=utf-8");
    return api.body();
  };
  app.register(async (scope) => {
    await scope.register(underPressure, {
      maxEventLoopDelay: load.maxEventLoopDelayMs,
      maxHeapUsedBytes: load.maxHeapUsedBytes,
      maxRssBytes: load.maxRssBytes,
      sampleInterval: load.sampleIntervalMs,
      pressureHandler: shed as unknown as NonNullable<UnderPressureOptions["pressureHandler"]>,
    });
    ctx.pressure = () => ({
      overloaded: scope.isUnderPressure(),
      eventLoopDelayMs: scope.memoryUsage().eventLoopDelay,
    });
    await scope.register(rulesetRoutes(ctx));
    await scope.register(evaluateRoutes(ctx));
    await scope.register(versionRoutes(ctx));
    if (options.editorDir) await scope.register(editorStatic({ dir: options.editorDir }));
  });
  return app;
}

/** What a fastify or ajv error means in the API's terms. */
function toApiError(error: FastifyError, request: FastifyRequest, limits: Limits): ApiError {
  if (error instanceof ApiError) return error;
  if (error.validation) {
    const tooMany = error.validation.some((v) => v.keyword === "maxItems" && v.instancePath === "/cases");
    if (tooMany) return new ApiError("BATCH_TOO_LARGE", MESSAGES.batchTooLarge(limits.batchCases));
    const where = error.validationContext ?? "body";
    const details = error.validation.slice(0, MAX_DETAILS).map((v): ErrorDetail => {
      const params = v.params as Record<string, unknown>;
      const extra = params.missingProperty ?? params.additionalProperty;
      const field = `${where}${v.instancePath}${typeof extra === "string" ? `/${extra}` : ""}`;
      return { field, ...validationMessage(v.keyword, v.message ?? v.keyword, params) };
    });
    return new ApiError("BAD_REQUEST", MESSAGES.badRequest, details);
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new ApiError(
        "BODY_TOO_LARGE",
        MESSAGES.bodyTooLarge(request.routeOptions.bodyLimit ?? limits.bodyBytes),
      );
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new ApiError("UNSUPPORTED_MEDIA_TYPE", MESSAGES.unsupportedMediaType);
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new ApiError("INVALID_JSON", MESSAGES.emptyJson);
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new ApiError("INVALID_JSON", MESSAGES.invalidJson("syntax error"));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return new ApiError("BAD_REQUEST", MESSAGES.badRequest, [
      { field: "", fa: MESSAGES.badRequest.fa, en: error.message.slice(0, 200) },
    ]);
  }
  return new ApiError("INTERNAL", MESSAGES.internal);
}

function validationMessage(
  keyword: string,
  en: string,
  params: Record<string, unknown>,
): { fa: string; en: string } {
  switch (keyword) {
    case "required":
      return { fa: `«${String(params.missingProperty)}» لازم است`, en };
    case "additionalProperties":
      return { fa: `«${String(params.additionalProperty)}» شناخته نیست`, en };
    case "type":
      return { fa: `نوع مقدار نادرست است (باید ${String(params.type)} باشد)`, en };
    case "minLength":
    case "pattern":
      return { fa: "نباید خالی باشد", en };
    case "maxLength":
      return { fa: `از ${String(params.limit)} نویسه بلندتر است`, en };
    default:
      return { fa: `مقدار نادرست است (${keyword})`, en };
  }
}

/** A client that breaks HTTP, or is too slow: answered in the API's error shape, then closed. */
function clientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const api =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? new ApiError("REQUEST_TIMEOUT", MESSAGES.requestTimeout)
      : error.code === "HPE_HEADER_OVERFLOW"
        ? new ApiError("HEADERS_TOO_LARGE", MESSAGES.headersTooLarge)
        : new ApiError("BAD_REQUEST", MESSAGES.malformedHttp);
  const body = JSON.stringify(api.body());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${api.status} ${STATUS_CODES[api.status] ?? "Error"}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
