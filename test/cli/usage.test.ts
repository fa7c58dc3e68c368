import { describe, expect, it } from "vitest";
import { SLOW, zavabet } from "./run";

describe("zavabet usage", SLOW, () => {
  it("prints help and exits 0 with --help", async () => {
    const r = await zavabet(["--help"]);
    expect(r.code).toBe(0);
    for (const command of ["check", "compile", "eval", "test"]) expect(r.stdout).toContain(command);
  });

  it("prints the version with --version", async () => {
    const r = await zavabet(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("exits 2 without a command", async () => {
    const r = await zavabet([]);
    expect(r.code).toBe(2);
  });

  it("reports an unknown command in Persian and English, exit 2", async () => {
    const r = await zavabet(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("خطا: فرمان ناشناخته «frobnicate»");
    expect(r.stderr).toContain("error: unknown command 'frobnicate'");
  });

  it("reports an unknown option, exit 2", async () => {
    const r = await zavabet(["check", "--no-such-option", "x.zb"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("خطا: گزینه‌ی ناشناخته");
    expect(r.stderr).toContain("error: unknown option '--no-such-option'");
  });

  it("reports a missing argument, exit 2", async () => {
    const r = await zavabet(["compile"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("خطا: ");
    expect(r.stderr).toContain("error: missing required argument");
  });

  it("reports excess arguments, exit 2", async () => {
    const r = await zavabet(["compile", "a.zb", "b.zb"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: too many arguments");
  });
});
