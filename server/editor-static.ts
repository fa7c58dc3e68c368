/**
 * The editor (issue 4), served by the same server when `createServer({ editorDir })` names its built
 * folder (editor/dist, from `vite build`): GET / is its index.html, GET /assets/* its files, and
 * GET /rulesets/:fund/versions/:version/source the text of a version, which the editor opens.
 *
 * Only files inside the built folder's assets/ are ever sent: a request path is resolved, followed
 * through symbolic links, and refused unless it is still inside that folder. A version's source is
 * found from the store's listing (an unknown fund or version is the store's 404), never from the URL.
 *
 * Not in docs/openapi.json yet: these routes exist only when the editor is served (so the API's own
 * route list is unchanged); the source route belongs in the API proper once the store exposes it.
 */
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { extname, isAbsolute, join, resolve, sep } from "node:path";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { ApiError, MESSAGES } from "./errors";
import { LATEST, type RulesetStore } from "./store";

export interface EditorStaticOptions {
  /** The built editor: index.html and assets/. */
  dir: string;
  store: RulesetStore;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".map": "application/json; charset=utf-8",
};

export function editorStatic(options: EditorStaticOptions): FastifyPluginAsync {
  const root = realpathSync(resolve(options.dir));
  const assets = join(root, "assets");
  const { store } = options;

  return async (app) => {
    app.get("/", async (_request, reply) => sendFile(reply, join(root, "index.html"), "no-cache"));

    app.get<{ Params: { "*": string } }>("/assets/*", async (request, reply) => {
      const file = inside(assets, request.params["*"]);
      if (!file) throw new ApiError("NOT_FOUND", MESSAGES.notFound("GET", request.url.slice(0, 200)));
      // Vite names every asset by its content hash: a name never changes its bytes.
      return sendFile(reply, file, "public, max-age=31536000, immutable");
    });

    app.get<{ Params: { fund: string; version: string } }>(
      "/rulesets/:fund/versions/:version/source",
      async (request, reply) => {
        const { fund, version } = request.params;
        const text = readFileSync(sourceFile(store, fund, version), "utf8");
        return reply.type("text/plain; charset=utf-8").header("cache-control", "no-cache").send(text);
      },
    );
  };
}

/** The file under `dir` that `relative` names, or undefined if it is not a file inside `dir`. */
function inside(dir: string, relative: string): string | undefined {
  if (relative.includes("\0")) return undefined;
  const candidate = resolve(dir, relative);
  if (!candidate.startsWith(dir + sep) || !existsSync(candidate)) return undefined;
  const real = realpathSync(candidate);
  if (!real.startsWith(dir + sep) || !statSync(real).isFile()) return undefined;
  return real;
}

function sendFile(reply: FastifyReply, file: string, cache: string): FastifyReply {
  const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  return reply.type(type).header("cache-control", cache).send(readFileSync(file));
}

/**
 * The .zb file of a listed version, found as the store finds it (versions.json's `file`, relative to
 * the fund folder or its versions/, else versions/<version>.zb). The fund and version must be in the
 * store's listing first, so nothing the client sends reaches the file system unchecked.
 */
function sourceFile(store: RulesetStore, fund: string, version: string): string {
  const info = store.fund(fund);
  const name = version === LATEST ? info.latest : version;
  if (!info.versions.some((v) => v.version === name)) {
    throw new ApiError("VERSION_NOT_FOUND", MESSAGES.versionNotFound(fund, version));
  }
  const dir = join(store.dir, fund);
  const candidates: string[] = [];
  const listed = readListedFile(join(dir, "versions.json"), name);
  if (listed !== undefined && !isAbsolute(listed))
    candidates.push(join(dir, listed), join(dir, "versions", listed));
  else candidates.push(join(dir, "versions", `${name}.zb`));
  const file = candidates.find((f) => existsSync(f));
  if (!file || !resolve(file).startsWith(store.dir + sep)) {
    throw new ApiError("VERSION_NOT_FOUND", MESSAGES.versionNotFound(fund, version));
  }
  return file;
}

function readListedFile(path: string, version: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const data: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (!Array.isArray(data)) return undefined;
    for (const item of data) {
      if (typeof item !== "object" || item === null) continue;
      const e = item as Record<string, unknown>;
      if (String(e.version) === version && typeof e.file === "string") return e.file;
    }
  } catch {
    // A versions.json that is not JSON lists nothing; the store reads it the same way.
  }
  return undefined;
}
