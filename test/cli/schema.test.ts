import { describe, expect, it } from "vitest";
import type { Artefact } from "../../artefact/types";
import { FIXTURES, SLOW, TINY, zavabet } from "./run";

describe("zavabet schema", SLOW, () => {
  it("prints the input schema the compiled ruleset carries, for a source and for its artefact", async () => {
    const compiled = await zavabet(["compile", TINY]);
    const artefact = JSON.parse(compiled.stdout) as Artefact;
    const r = await zavabet(["schema", TINY]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(artefact.inputSchema);
    expect(Object.keys(artefact.inputSchema.properties as object).length).toBe(artefact.inputs.length);
  });

  it("refuses a ruleset with errors, with its diagnostics; exit 1", async () => {
    const r = await zavabet(["schema", `${FIXTURES}/broken.zb`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("the ruleset has errors");
  });
});
