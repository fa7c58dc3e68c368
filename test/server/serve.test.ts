/** `zavabet serve`: the real CLI starts the service, answers, and stops cleanly on SIGTERM. */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROOT, SLOW, zavabet } from "../cli/run";
import { EXAMPLE, rulesetsFolder } from "./helpers";

let folder: ReturnType<typeof rulesetsFolder>;
beforeAll(() => {
  folder = rulesetsFolder();
});
afterAll(() => folder.remove());

it(
  "zavabet serve --port 0 listens on 127.0.0.1, reports the broken version, serves read-only, and exits 0 on SIGTERM",
  async () => {
    const child = spawn(
      process.execPath,
      ["bin/zavabet.js", "serve", "--port", "0", "--rulesets", folder.dir],
      {
        cwd: ROOT,
        // Whatever the shell running the tests has: this server is started without a write token.
        env: { ...process.env, ZAVABET_WRITE_TOKEN: "" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (c: Buffer) => {
        stdout += c.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout);
        if (m) resolve(m[0]);
      });
      child.on("exit", () => reject(new Error(`serve exited: ${stdout}${stderr}`)));
    });
    expect(stdout).toContain("electronics@2");
    expect(stderr).toContain("broken@1");

    const health = await fetch(`${address}/health`);
    expect(health.status).toBe(200);
    const res = await fetch(`${address}/rulesets/electronics/versions/latest/evaluate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ case: EXAMPLE }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { version: string }).version).toBe("2");
    // Without ZAVABET_WRITE_TOKEN it accepts no writes.
    const write = await fetch(`${address}/rulesets/electronics/versions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ source: "", base: "2", note: "n", author: "a", publish: false }),
    });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe("READ_ONLY");

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  },
  SLOW.timeout,
);

it(
  "a bad port is a usage error in Persian and English (exit 2)",
  async () => {
    const r = await zavabet(["serve", "--port", "http"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("خطا: درگاه «http» درست نیست");
    expect(r.stderr).toContain("error: Invalid port «http»");
  },
  SLOW.timeout,
);
