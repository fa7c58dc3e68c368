/**
 * `zavabet serve [--port 8080] [--host 127.0.0.1] [--rulesets dir]`: the HTTP service (docs/http.md)
 * over every ruleset in the rulesets folder. Every version is compiled before the server listens, so
 * that a broken one is reported here and the first clients do not wait for a compile.
 *
 * Read-only unless $ZAVABET_WRITE_TOKEN is set: an evaluation service (which may listen beyond
 * loopback with --host) gets no open write endpoint by default; with the token, saving a version
 * (POST /rulesets/:fund/versions) needs `Authorization: Bearer <token>`.
 */
import { createServer } from "../server";
import { CliError, type ExitCode, messageOf } from "./errors";
import { err, out } from "./io";
import { rulesetsDir } from "./resolve";

export interface ServeOptions {
  port?: string;
  host?: string;
  rulesets?: string;
}

export async function runServe(options: ServeOptions): Promise<ExitCode> {
  const port = Number(options.port ?? "8080");
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`درگاه «${options.port}» درست نیست`, `Invalid port «${options.port}»`);
  }
  const host = options.host ?? "127.0.0.1";
  const dir = options.rulesets ?? rulesetsDir(process.cwd());
  const writeToken = process.env.ZAVABET_WRITE_TOKEN?.trim() || undefined;
  const app = createServer({
    rulesetsDir: dir,
    logger: { level: "warn" },
    readOnly: writeToken === undefined,
    writeToken,
  });

  const report = app.rulesets.warm();
  if (report.length === 0) err(`هشدار: در «${dir}» هیچ قواعدی نیست — warning: no rulesets in «${dir}»`);
  for (const r of report) {
    if (r.ok) continue;
    err(
      `هشدار: ${r.fund}@${r.version} خطا دارد و اجرا نمی‌شود — warning: ${r.fund}@${r.version} has errors and will not run`,
    );
    for (const p of r.problems.slice(0, 5)) err(`  ${p.field}  ${p.en}`);
  }

  let address: string;
  try {
    address = await app.listen({ port, host });
  } catch (e) {
    throw new CliError(
      `گوش دادن روی ${host}:${port} ممکن نشد`,
      `Cannot listen on ${host}:${port}: ${messageOf(e)}`,
    );
  }
  const ready = report.filter((r) => r.ok).map((r) => `${r.fund}@${r.version}`);
  out(
    `zavabet: ${address} — ${ready.length} نسخه آماده — ${ready.length} versions ready (${ready.join(", ")})`,
  );
  out(`  OpenAPI: ${address}/openapi.json   health: ${address}/health`);
  out(
    writeToken === undefined
      ? "  فقط خواندنی (ZAVABET_WRITE_TOKEN تعریف نشده) — read-only (no ZAVABET_WRITE_TOKEN)"
      : "  ذخیره‌ی نسخه با کلید نوشتن — saving versions needs the write token (ZAVABET_WRITE_TOKEN)",
  );

  // Until a signal: close gracefully (in-flight requests finish), then exit 0.
  await new Promise<void>((resolve) => {
    const stop = () => {
      app.close().then(
        () => resolve(),
        () => resolve(),
      );
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
