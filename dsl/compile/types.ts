import type { ScalarType } from "../../artefact/types";
import type { LangType } from "../check/analysis";

/** A language type if it is a scalar (not a list input, not a «همه» table's several values). */
export function asScalar(t: LangType | undefined): ScalarType | undefined {
  return t && t.kind !== "list" && t.kind !== "scalars" ? t : undefined;
}
