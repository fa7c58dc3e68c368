/** The server's API as the editor uses it (docs/http.md). */

// The listing's shape is the server's own (types only: nothing of the server reaches the bundle).
import type { FundInfo as StoreFundInfo, VersionInfo as StoreVersionInfo } from "../../server/store";
// The body the server reads (a type-only import: nothing of the server reaches the bundle).
import type { SaveRequest } from "../../server/versions";

/** A version as listed; `savedAt` (ISO time) for versions saved from the editor. */
export type VersionInfo = StoreVersionInfo & { savedAt?: string };
/** A fund as listed; `published` names the version in force, when one is. */
export type FundInfo = Omit<StoreFundInfo, "versions"> & { versions: VersionInfo[]; published?: string };

/** One entry of a fund's clause index (rulesets/<fund>/clauses.json). */
export interface Clause {
  clause: string;
  kind: "encoded" | "procedural" | "ambiguous";
  summary?: string;
  reason?: string;
  reading?: string;
  /** The clause's own words, when the index has them. */
  text?: string;
  encodedBy?: string[];
}

export interface Example {
  name: string;
  case: Record<string, unknown>;
}

interface ApiErrorBody {
  error?: { code?: string; message?: { fa?: string; en?: string } };
}

/** A failed request, with the server's Persian message when it sent one. */
export class RequestError extends Error {
  constructor(
    readonly fa: string,
    readonly status = 0,
    readonly code?: string,
  ) {
    super(fa);
  }
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { accept: "application/json, text/plain", ...init.headers },
    });
  } catch {
    throw new RequestError("به سرور دسترسی نیست");
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as ApiErrorBody;
    throw new RequestError(
      body.error?.message?.fa ?? `پاسخ نادرست از سرور (${res.status})`,
      res.status,
      body.error?.code,
    );
  }
  return res;
}

const part = encodeURIComponent;

export async function listFunds(): Promise<FundInfo[]> {
  const body = (await (await request("/rulesets")).json()) as { rulesets: FundInfo[] };
  return body.rulesets;
}

export async function fundInfo(fund: string): Promise<FundInfo> {
  return (await (await request(`/rulesets/${part(fund)}`)).json()) as FundInfo;
}

export async function versionSource(fund: string, version: string): Promise<string> {
  return (await request(`/rulesets/${part(fund)}/versions/${part(version)}/source`)).text();
}

export async function clauses(fund: string): Promise<Clause[]> {
  const body = (await (await request(`/rulesets/${part(fund)}/clauses`)).json()) as
    | { clauses?: Clause[] }
    | Clause[];
  return Array.isArray(body) ? body : (body.clauses ?? []);
}

export async function examples(fund: string): Promise<Example[]> {
  const body = (await (await request(`/rulesets/${part(fund)}/examples`)).json()) as { examples?: Example[] };
  return body.examples ?? [];
}

export type { SaveRequest };

/**
 * POST /rulesets/{fund}/versions: the new version as listed (201 `{ version, diagnostics }`), or a
 * RequestError (401 WRITE_TOKEN_REQUIRED, 403 READ_ONLY, 409 VERSION_CONFLICT, 422 DRAFT_HAS_ERRORS).
 */
export async function saveVersion(fund: string, body: SaveRequest, token?: string): Promise<VersionInfo> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await request(`/rulesets/${part(fund)}/versions`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  return ((await res.json()) as { version: VersionInfo }).version;
}
