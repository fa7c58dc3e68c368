import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { caseReader } from "../../../engine/case";
import { compileText } from "./helpers";
import { SAMPLE } from "./sample";

const artefact = compileText(SAMPLE);
const schema = artefact.inputSchema;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const GOOD = {
  مبلغ_درخواستی: "60000000000",
  نرخ_سود: 1.5,
  مدت: "24",
  عضو_هیئت_مدیره: false,
  نوع_وام: "مسکن",
  تاریخ_درخواست: "1403-2-1",
  وثایق: [{ نوع: "ملک", ارزش: 100000000000 }],
};

describe("inputSchema", () => {
  it("is a draft-07 object schema keyed by the Persian input names", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties as object)).toEqual(artefact.inputs.map((i) => i.name));
    expect(schema.required).toEqual(artefact.inputs.filter((i) => i.required).map((i) => i.name));
    expect(schema.required).not.toContain("توضیح");
  });

  it("describes each type, with units and aliases", () => {
    const p = schema.properties as Record<string, Record<string, unknown>>;
    const decimal = [{ type: "number" }, { type: "string", pattern: "^-?[0-9]+(\\.[0-9]+)?$" }];
    expect(p.مبلغ_درخواستی).toMatchObject({
      title: "مبلغ_درخواستی",
      "x-zavabet-alias": "amount",
      anyOf: decimal,
    });
    expect(p.مبلغ_درخواستی?.description).toContain("ریال");
    expect(p.نرخ_سود).toMatchObject({ "x-zavabet-alias": "rate", anyOf: decimal });
    expect(p.نرخ_سود?.description).toContain("درصد");
    expect(p.عضو_هیئت_مدیره).toMatchObject({ type: "boolean" });
    expect(p.عضو_هیئت_مدیره).not.toHaveProperty("x-zavabet-alias");
    expect(p.نوع_وام).toMatchObject({ type: "string", enum: ["مسکن", "خودرو", "ازدواج"] });
    expect(p.تاریخ_درخواست).toMatchObject({
      type: "string",
      pattern: "^[0-9]{4}[/-][0-9]{1,2}[/-][0-9]{1,2}$",
    });
    expect(p.توضیح).toMatchObject({ type: "string", maxLength: 10000 });
    expect(p.وثایق).toMatchObject({
      type: "array",
      maxItems: 1000,
      "x-zavabet-alias": "collaterals",
      items: {
        type: "object",
        required: ["نوع", "ارزش"],
        additionalProperties: false,
        properties: {
          نوع: { type: "string", "x-zavabet-alias": "type" },
          ارزش: { anyOf: decimal, "x-zavabet-alias": "value" },
        },
      },
    });
  });

  it("accepts the ruleset's own test cases and a good case", () => {
    for (const t of artefact.tests) expect(validate(t.inputs), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(GOOD)).toBe(true);
    expect(validate({ ...GOOD, توضیح: "یادداشت" })).toBe(true);
  });

  it("rejects unknown keys, missing inputs and badly typed values", () => {
    const { مدت: _, ...withoutTerm } = GOOD;
    for (const bad of [
      withoutTerm,
      { ...GOOD, ناشناخته: 1 },
      { ...GOOD, نرخ_سود: "1.5%" },
      { ...GOOD, مدت: "۲۴" },
      { ...GOOD, عضو_هیئت_مدیره: "بله" },
      { ...GOOD, نوع_وام: "قایق" },
      { ...GOOD, تاریخ_درخواست: "1403/02" },
      { ...GOOD, توضیح: "x".repeat(10001) },
      { ...GOOD, وثایق: [{ نوع: "ملک" }] },
      { ...GOOD, وثایق: [{ نوع: "ملک", ارزش: 1, اضافه: 1 }] },
      { ...GOOD, وثایق: Array.from({ length: 1001 }, () => ({ نوع: "ملک", ارزش: 1 })) },
    ]) {
      expect(validate(bad), JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
  });

  it("works with the engine's case reader, which maps ASCII aliases to names first", () => {
    const values = caseReader(artefact).read({
      amount: "60000000000",
      rate: "1.5",
      term: 24,
      عضو_هیئت_مدیره: true,
      kind: "خودرو",
      تاریخ_درخواست: "1403/02/01",
      collaterals: [{ type: "ملک", value: "5" }],
    });
    expect(String(values.get("نرخ_سود"))).toBe("0.015");
    expect(values.get("نوع_وام")).toBe("خودرو");
    expect(values.get("وثایق")).toHaveLength(1);
  });
});
