/** A parameter's literal as a run-time value (percents are stored as fractions already). */
import type { ParameterDef } from "../artefact/types";
import { dec, PLAIN_DECIMAL } from "./decimal";
import { parseJalali } from "./jalali";
import type { Scalar } from "./values";

/** The value, or an error message if the literal does not fit the parameter's type. */
export function parameterValue(p: ParameterDef): { value: Scalar } | { error: string } {
  const bad = { error: `parameter «${p.name}»: ${JSON.stringify(p.value)} is not a valid ${p.type.kind}` };
  switch (p.type.kind) {
    case "number":
    case "money":
    case "percent":
      return typeof p.value === "string" && PLAIN_DECIMAL.test(p.value) ? { value: dec(p.value) } : bad;
    case "date": {
      if (typeof p.value !== "string") return bad;
      if (/^-?\d+$/.test(p.value)) return { value: dec(p.value) };
      const day = parseJalali(p.value);
      return day === undefined ? bad : { value: dec(day) };
    }
    case "bool":
      return typeof p.value === "boolean" ? { value: p.value } : bad;
    case "text":
      return typeof p.value === "string" ? { value: p.value } : bad;
    case "enum":
      return typeof p.value === "string" && p.type.members.includes(p.value) ? { value: p.value } : bad;
  }
}
