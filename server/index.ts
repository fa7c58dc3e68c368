/** The HTTP service's entry: docs/http.md. */
export { createServer, type ServerContext, type ServerOptions } from "./app";
export { ERROR_CODES, type ErrorBody, type ErrorCode, type ErrorDetail } from "./errors";
export { buildOpenApi } from "./openapi";
export { DEFAULT_LIMITS, defaultLoadShedding, type Limits, type LoadShedding } from "./options";
export { packageVersion } from "./routes/openapi";
export {
  type ClauseEntry,
  type ClauseIndex,
  type Example,
  type FundInfo,
  LATEST,
  type LoadedVersion,
  PUBLISHED,
  RulesetStore,
  type VersionInfo,
  type WarmReport,
} from "./store";
export { type SaveRequest, type SaveResult, VersionWriter, type VersionWriterOptions } from "./versions";
