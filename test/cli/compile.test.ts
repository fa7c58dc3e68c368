import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Artefact } from "../../artefact/types";
import { FIXTURES, SLOW, TINY, zavabet } from "./run";

const tmp = mkdtempSync(join(tmpdir(), "zavabet-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("zavabet compile", SLOW, () => {
  it("prints the artefact; twice gives identical bytes", async () => {
    const first = await zavabet(["compile", TINY]);
    const second = await zavabet(["compile", TINY]);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe("");
    expect(second.stdout).toBe(first.stdout);
    const artefact = JSON.parse(first.stdout) as Artefact;
    expect(artefact.format).toBe("zavabet/1");
    expect(artefact.tests.map((t) => t.name)).toContain("وام عادی پذیرفته می‌شود");
  });

  it("writes the same bytes to a file with -o", async () => {
    const file = join(tmp, "tiny.json");
    const toFile = await zavabet(["compile", TINY, "-o", file]);
    const toStdout = await zavabet(["compile", TINY]);
    expect(toFile.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(toStdout.stdout);
  });

  it("prints the diagnostics and no artefact when the ruleset has errors, exit 1", async () => {
    const r = await zavabet(["compile", `${FIXTURES}/broken.zb`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      `${FIXTURES}/broken.zb:2:13  ZB1003  تاریخ «۱۴۰۳/۱۳/۴۰» تاریخ شمسی درستی نیست`,
    );
    expect(r.stderr).toContain("is not a valid Jalali date");
    expect(r.stderr).toContain("کامپایل نشد");
    expect(r.stderr).toContain("not compiled");
  });

  it("reports a file it cannot write, exit 2", async () => {
    const r = await zavabet(["compile", TINY, "-o", join(tmp, "no", "such", "dir", "x.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("خطا: نوشتن در");
    expect(r.stderr).toContain("error: Cannot write");
  });
});
