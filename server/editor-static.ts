/**
 * The editor (issue 4), served by the same server when `createServer({ editorDir })` names its built
 * folder (editor/dist, from `vite build`): GET / is its index.html, GET /assets/* its files. What the
 * editor reads and writes besides (a version's source, clauses, examples, saving a version) is the
 * API's own (./routes/rulesets.ts, ./routes/versions.ts), there with or without the editor.
 *
 * Only files inside the built folder's assets/ are ever sent: a request path is resolved, followed
 * through symbolic links, and refused unless it is still inside that folder.
 *
 * Not in docs/openapi.json: these routes exist only when the editor is served, and are not API.
 */
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { ApiError, MESSAGES } from "./errors";

export interface EditorStaticOptions {
  /** The built editor: index.html and assets/. */
  dir: string;
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

  return async (app) => {
    app.get("/", async (_request, reply) => sendFile(reply, join(root, "index.html"), "no-cache"));

    app.get<{ Params: { "*": string } }>("/assets/*", async (request, reply) => {
      const file = inside(assets, request.params["*"]);
      if (!file) throw new ApiError("NOT_FOUND", MESSAGES.notFound("GET", request.url.slice(0, 200)));
      // Vite names every asset by its content hash: a name never changes its bytes.
      return sendFile(reply, file, "public, max-age=31536000, immutable");
    });
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
