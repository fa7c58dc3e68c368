import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLocator, formatDecimalFa, normalize, parseNumber, toAsciiDigits } from "../../../dsl/text";

/** Text that exercises every normalisation path, not just ASCII. */
const persianish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "ي",
        "ى",
        "ك",
        "ی",
        "ک",
        "آ",
        "ا",
        "\u0653",
        "\u0654",
        "\u064e",
        "\u0640",
        "\u200c",
        "\u200d",
        "\u200e",
        "\u200f",
        "\u061c",
        "\ufeff",
        "\u2212",
        "۱",
        "٢",
        "3",
        "/",
        "٫",
        "٬",
        "\n",
        "\r\n",
        " ",
        "😀",
        "e\u0301",
        "\u1100\u1161",
        "\ud800",
      ),
      fc.string({ unit: "binary", maxLength: 3 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("normalize properties", () => {
  it("gives offsets that never decrease, stay in bounds and end at src.length", () => {
    fc.assert(
      fc.property(persianish, (src) => {
        const { text, offsets } = normalize(src);
        expect(offsets.length).toBe(text.length + 1);
        expect(offsets[text.length]).toBe(src.length);
        for (let i = 0; i < text.length; i++) {
          expect(offsets[i]).toBeGreaterThanOrEqual(0);
          expect(offsets[i]).toBeLessThan(src.length);
          expect(offsets[i + 1]).toBeGreaterThanOrEqual(offsets[i]!);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("never lengthens ASCII text and leaves it unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii" }), (src) => {
        const { text, offsets } = normalize(src);
        expect(text).toBe(src);
        expect(Array.from(offsets)).toEqual(Array.from({ length: src.length + 1 }, (_, i) => i));
      }),
    );
  });

  it("is idempotent and its output is NFC", () => {
    fc.assert(
      fc.property(persianish, (src) => {
        const { text } = normalize(src);
        expect(normalize(text).text).toBe(text);
        expect(text.normalize("NFC")).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("maps offsets to positions the locator accepts", () => {
    fc.assert(
      fc.property(persianish, (src) => {
        const { offsets } = normalize(src);
        const at = createLocator(src);
        for (const offset of offsets) {
          const { line, column } = at(offset);
          expect(line).toBeGreaterThanOrEqual(1);
          expect(column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});

const decimals = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^(0|[1-9][0-9]{0,30})$/),
    fc.option(fc.stringMatching(/^[0-9]{1,20}$/), { nil: undefined }),
  )
  .map(
    ([negative, integer, fraction]) =>
      `${negative ? "-" : ""}${integer}${fraction === undefined ? "" : `.${fraction}`}`,
  );

describe("formatDecimalFa properties", () => {
  it("round-trips: Persian digits back to ASCII and separators stripped give the decimal again", () => {
    fc.assert(
      fc.property(decimals, fc.boolean(), (decimal, grouping) => {
        const shown = formatDecimalFa(decimal, { grouping });
        expect(shown).not.toMatch(/[0-9]/);
        expect(
          toAsciiDigits(shown)
            .replace(/\u066c/g, "")
            .replace(/\u066b/g, "."),
        ).toBe(decimal);
      }),
      { numRuns: 500 },
    );
  });

  it("writes numbers the lexer reads back to the same value", () => {
    fc.assert(
      fc.property(decimals, (decimal) => {
        const unsigned = decimal.replace(/^-/, "");
        expect(parseNumber(normalize(formatDecimalFa(unsigned)).text)).toBe(parseNumber(unsigned));
      }),
      { numRuns: 500 },
    );
  });
});
