/** The HTTP service's entry: docs/http.md. */
export { createServer, type ServerContext, type ServerOptions } from "./app";
export { ERROR_CODES, type ErrorBody, type ErrorCode, type ErrorDetail } from "./errors";
export { buildOpenApi } from "./openapi";
export { DEFAULT_LIMITS, defaultLoadShedding, type Limits, type LoadShedding } from "./options";
export { packageVersion } from "./routes/openapi";
export {
  type FundInfo,
  LATEST,
  type LoadedVersion,
  RulesetStore,
  type VersionInfo,
  type WarmReport,
} from "./store";
