/**
 * The first look at a request body, before schema validation and long before a case reaches the
 * engine: the body is parsed by JSON.parse (iterative in V8, so any nesting parses), then walked once,
 * without recursion, to refuse what no legitimate request holds — nesting deeper than a limit (the
 * schema validator and the engine's messages recurse), strings longer than a limit, and the keys
 * `__proto__`, `constructor` and `prototype` anywhere (so no later merge or lookup can be steered
 * through them), and more object keys than the route allows. The limits are far beyond any real case.
 */
import { ApiError, MESSAGES } from "./errors";

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export interface BodyLimits {
  /** Deepest nesting of arrays and objects (the body itself is level 1). */
  depth: number;
  /** Longest string, key or value, in UTF-16 units. */
  stringLength: number;
  /** Most object keys in the whole body. */
  keys: number;
}

/** Parse a JSON body; ApiError INVALID_JSON when it is not JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === "") throw new ApiError("INVALID_JSON", MESSAGES.emptyJson);
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 200) : "syntax error";
    throw new ApiError("INVALID_JSON", MESSAGES.invalidJson(why));
  }
}

/** JSON Pointer-ish path for messages: /cases/3/amount. */
const pointer = (path: readonly (string | number)[]) =>
  `/${path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;

/** A value still to look at, and where it sits: its path is rebuilt from the parents only for an error. */
interface Visit {
  value: unknown;
  depth: number;
  parent: Visit | null;
  key: string | number;
}

function pathOf(visit: Visit, last?: string): string {
  const keys: (string | number)[] = last === undefined ? [] : [last];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) keys.unshift(v.key);
  return pointer(keys);
}

function tooLong(limits: BodyLimits, visit: Visit, key?: string): ApiError {
  return new ApiError("STRING_TOO_LONG", MESSAGES.stringTooLong(limits.stringLength), [
    { field: pathOf(visit, key?.slice(0, 40)), ...MESSAGES.stringTooLong(limits.stringLength) },
  ]);
}

/**
 * Throws ApiError (TOO_DEEP, STRING_TOO_LONG, TOO_MANY_KEYS, FORBIDDEN_KEY) at the first offence
 * found. It runs on every request body, so a value's path is not built unless it is reported.
 */
export function inspectBody(body: unknown, limits: BodyLimits): void {
  const stack: Visit[] = [{ value: body, depth: 1, parent: null, key: "" }];
  let keyCount = 0;
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    const { value, depth } = visit;
    if (typeof value === "string") {
      if (value.length > limits.stringLength) throw tooLong(limits, visit);
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth > limits.depth) {
      throw new ApiError("TOO_DEEP", MESSAGES.tooDeep(limits.depth), [
        { field: pathOf(visit), ...MESSAGES.tooDeep(limits.depth) },
      ]);
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], depth: depth + 1, parent: visit, key: i });
      continue;
    }
    const keys = Object.keys(value);
    keyCount += keys.length;
    if (keyCount > limits.keys) {
      throw new ApiError("TOO_MANY_KEYS", MESSAGES.tooManyKeys(limits.keys), [
        { field: pathOf(visit), ...MESSAGES.tooManyKeys(limits.keys) },
      ]);
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (FORBIDDEN_KEYS.has(key)) {
        throw new ApiError("FORBIDDEN_KEY", MESSAGES.forbiddenKey(key), [
          { field: pathOf(visit, key), ...MESSAGES.forbiddenKey(key) },
        ]);
      }
      if (key.length > limits.stringLength) throw tooLong(limits, visit, key);
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, parent: visit, key });
    }
  }
}

/** How many object keys a value holds, nested ones included (no recursion). */
export function countKeys(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    for (const key of Object.keys(v)) {
      count++;
      stack.push((v as Record<string, unknown>)[key]);
    }
  }
  return count;
}
