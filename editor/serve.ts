/**
 * `npm start`: the server (docs/http.md) over the rulesets folder with the built editor at /, on
 * 127.0.0.1. The port is `--port N` or $PORT (default 8080); the folder `--rulesets dir` or
 * $ZAVABET_RULESETS (default ./rulesets). Run after `vite build` (the start script does both).
 * It is `zavabet serve` plus the editor; the CLI has no editor option yet. Unlike `zavabet serve` it
 * accepts writes (the editor saves versions): open to whoever reaches it, unless $ZAVABET_WRITE_TOKEN
 * is set, when a save needs `Authorization: Bearer <token>`.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createServer } from "../server";

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { port: { type: "string" }, host: { type: "string" }, rulesets: { type: "string" } },
});
const port = Number(values.port ?? process.env.PORT ?? "8080");
const host = values.host ?? "127.0.0.1";
const rulesetsDir = resolve(values.rulesets ?? process.env.ZAVABET_RULESETS ?? join(here, "..", "rulesets"));
const editorDir = join(here, "dist");

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`درگاه «${values.port ?? process.env.PORT}» درست نیست — invalid port`);
  process.exit(2);
}
if (!existsSync(join(editorDir, "index.html"))) {
  console.error(
    "ویرایشگر ساخته نشده است؛ npm start را اجرا کنید — the editor is not built; run npm start (vite build)",
  );
  process.exit(2);
}

const writeToken = process.env.ZAVABET_WRITE_TOKEN?.trim() || undefined;
const app = createServer({ rulesetsDir, editorDir, logger: { level: "warn" }, writeToken });
const report = app.rulesets.warm();
for (const r of report.filter((r) => !r.ok)) {
  console.error(`هشدار: ${r.fund}@${r.version} خطا دارد — warning: ${r.fund}@${r.version} has errors`);
}
const address = await app.listen({ port, host });
console.log(`ویرایشگر ضوابط: ${address}/ — the zavabet editor: ${address}/`);
console.log(`  ${report.filter((r) => r.ok).length} نسخه آماده — versions ready; rulesets: ${rulesetsDir}`);

const stop = () => void app.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
