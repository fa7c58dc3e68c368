/** Messages between the page and the checker worker. */
import type { Diagnostic } from "../../dsl/index";
import type { SymbolSummary } from "./symbols";

export interface CheckRequest {
  version: number;
  text: string;
}

export interface CheckResponse {
  version: number;
  diagnostics: Diagnostic[];
  symbols: SymbolSummary[];
  /** Set when the checker itself failed (a bug): the page shows it instead of diagnostics. */
  failure?: string;
}
