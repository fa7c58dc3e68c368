/**
 * Message strings with `{name}` holes → MessagePart[]: text parts and references the engine formats.
 */
import type { MessagePart, ScalarType } from "../../artefact/types";
import type { Analysis } from "../check/analysis";
import { unitWord } from "./literals";
import { symbolNamed } from "./names";
import { asScalar } from "./types";

/** The unit shown after a value: " ریال" for money, " <unit word>" for a number with a unit, none otherwise. */
export function suffixFor(type: ScalarType): string | undefined {
  if (type.kind === "money") return " ریال";
  if (type.kind === "number" && type.unit) return ` ${unitWord(type.unit)}`;
  return undefined;
}

/** The type of a name a message may show (input, parameter, computed value, a set output), if a scalar. */
export function nameType(name: string, analysis: Analysis): ScalarType | undefined {
  const symbol = symbolNamed(analysis, name);
  switch (symbol?.kind) {
    case "input":
      return asScalar(symbol.type);
    case "parameter":
      return symbol.type;
    case "value":
      return symbol.type ?? (symbol.decl.expr ? asScalar(analysis.typeOf(symbol.decl.expr)) : undefined);
    case "setTarget":
      return symbol.type;
    default:
      return undefined;
  }
}

/**
 * Splits a message at its `{name}` holes. A hole whose name is not a readable scalar stays text as
 * written (the checker reports it); adjacent text is merged and empty text dropped.
 */
export function compileMessage(message: string, analysis: Analysis): MessagePart[] {
  const parts: MessagePart[] = [];
  const text = (t: string) => {
    if (t === "") return;
    const last = parts[parts.length - 1];
    if (last && "text" in last) last.text += t;
    else parts.push({ text: t });
  };
  const hole = /\{([^{}]*)\}/g;
  let at = 0;
  for (let m = hole.exec(message); m; m = hole.exec(message)) {
    text(message.slice(at, m.index));
    at = m.index + m[0].length;
    const name = (m[1] ?? "").trim();
    const type = nameType(name, analysis);
    if (!type) {
      text(m[0]);
      continue;
    }
    const suffix = suffixFor(type);
    const ref = symbolNamed(analysis, name)?.name ?? name;
    parts.push(suffix === undefined ? { ref, type } : { ref, type, suffix });
  }
  text(message.slice(at));
  return parts;
}
