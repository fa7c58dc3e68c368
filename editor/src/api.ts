/** The server's API as the editor uses it (docs/http.md). */

// The listing's shape is the server's own (types only: nothing of the server reaches the bundle).
import type { FundInfo, VersionInfo } from "../../server/store";

export type { FundInfo, VersionInfo };

interface ApiErrorBody {
  error?: { code?: string; message?: { fa?: string; en?: string } };
}

/** A failed request, with the server's Persian message when it sent one. */
export class RequestError extends Error {
  constructor(readonly fa: string) {
    super(fa);
  }
}

async function get(path: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: "application/json, text/plain" } });
  } catch {
    throw new RequestError("به سرور دسترسی نیست");
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as ApiErrorBody;
    throw new RequestError(body.error?.message?.fa ?? `پاسخ نادرست از سرور (${res.status})`);
  }
  return res;
}

export async function listFunds(): Promise<FundInfo[]> {
  const body = (await (await get("/rulesets")).json()) as { rulesets: FundInfo[] };
  return body.rulesets;
}

const part = encodeURIComponent;

export async function versionSource(fund: string, version: string): Promise<string> {
  return (await get(`/rulesets/${part(fund)}/versions/${part(version)}/source`)).text();
}
