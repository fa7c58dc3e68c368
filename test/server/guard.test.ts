/**
 * server/guard inspectBody: a hostile body is refused with where in it the offence is, as a JSON
 * Pointer the caller can follow (keys escaped, list positions as numbers, a long key cut short).
 */
import { describe, expect, it } from "vitest";
import { ApiError } from "../../server/errors";
import { inspectBody } from "../../server/guard";

const LIMITS = { depth: 6, stringLength: 20, keys: 30 };

function refusal(body: unknown): { code: string; field: string | undefined } {
  try {
    inspectBody(body, LIMITS);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return { code: e.code, field: e.details?.[0]?.field };
  }
  throw new Error("the body was accepted");
}

describe("inspectBody", () => {
  it("accepts a body within every limit", () => {
    expect(() =>
      inspectBody({ case: { وثایق: [{ نوع: "سفته", ارزش: 1 }], "a/b~c": "کوتاه" } }, LIMITS),
    ).not.toThrow();
  });

  it("names the string that is too long by its path, list positions included", () => {
    expect(refusal({ case: { وثایق: [{ نوع: "x" }, { نوع: "y".repeat(21) }] } })).toEqual({
      code: "STRING_TOO_LONG",
      field: "/case/وثایق/1/نوع",
    });
  });

  it("names a key that is too long by its first 40 characters, and escapes / and ~", () => {
    expect(refusal({ case: { "a/b~c": { ["k".repeat(50)]: 1 } } })).toEqual({
      code: "STRING_TOO_LONG",
      field: `/case/a~1b~0c/${"k".repeat(40)}`,
    });
  });

  it("names a forbidden key, a value too deep and the object where the keys ran over", () => {
    expect(refusal(JSON.parse('{"case": {"x": [{"__proto__": 1}]}}'))).toEqual({
      code: "FORBIDDEN_KEY",
      field: "/case/x/0/__proto__",
    });
    expect(refusal({ case: { a: [[[[[1]]]]] } })).toEqual({ code: "TOO_DEEP", field: "/case/a/0/0/0/0" });
    const wide = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, 1]));
    expect(refusal({ case: { inner: wide } })).toEqual({ code: "TOO_MANY_KEYS", field: "/case/inner" });
  });
});
