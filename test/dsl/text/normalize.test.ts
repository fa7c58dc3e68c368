import { describe, expect, it } from "vitest";
import { createLocator, normalize } from "../../../dsl/text";

const TATWEEL = "\u0640";
const ZWNJ = "\u200c";

describe("normalize", () => {
  it("folds Arabic yeh, alef maksura and kaf to the Persian letters", () => {
    expect(normalize("علي").text).toBe("علی");
    expect(normalize("مصطفى").text).toBe("مصطفی");
    expect(normalize("كارمند").text).toBe("کارمند");
  });

  it("maps Persian, Arabic-Indic and ASCII digits to ASCII, mixed in one run", () => {
    expect(normalize("۰۱۲۳۴۵۶۷۸۹").text).toBe("0123456789");
    expect(normalize("٠١٢٣٤٥٦٧٨٩").text).toBe("0123456789");
    expect(normalize("۱2٣").text).toBe("123");
  });

  it("maps the minus sign U+2212 to a hyphen-minus", () => {
    expect(normalize("\u2212۵").text).toBe("-5");
  });

  it("drops tatweel, ZWJ, LRM, RLM, ALM and BOM", () => {
    const src = `\ufeffمـــیلیون\u200d\u200e\u200f\u061cریال`;
    expect(normalize(src).text).toBe("میلیونریال");
  });

  it("keeps ZWNJ: it is part of a name", () => {
    expect(normalize(`سقف${ZWNJ}کل`).text).toBe(`سقف${ZWNJ}کل`);
  });

  it("composes to NFC, mapping a composed letter to its first unit", () => {
    // ا + madda above → آ
    const { text, offsets } = normalize("xا\u0653y");
    expect(text).toBe("xآy");
    expect(Array.from(offsets)).toEqual([0, 1, 3, 4]);
  });

  it("composes only the lines that need it, keeping the others' offsets", () => {
    const { text, offsets } = normalize("ab\nا\u0653c\nي");
    expect(text).toBe("ab\nآc\nی");
    expect(Array.from(offsets)).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
  });

  it("composes a mark typed after a tatweel onto the letter before it", () => {
    expect(normalize(`ا${TATWEEL}\u0653`).text).toBe("آ");
  });

  it("lets NFC see the Arabic yeh before folding it", () => {
    // ي + hamza above is ئ by NFC; folding first would have left ی + a loose hamza.
    expect(normalize("ي\u0654").text).toBe("ئ");
  });

  it("keeps \\r\\n as it is", () => {
    expect(normalize("a\r\nb").text).toBe("a\r\nb");
  });

  it("has one offset per unit plus the end, the identity when nothing changes", () => {
    const { text, offsets } = normalize("abc");
    expect(text).toBe("abc");
    expect(Array.from(offsets)).toEqual([0, 1, 2, 3]);
    expect(Array.from(normalize("").offsets)).toEqual([0]);
  });

  it("maps a character after a dropped tatweel back to its original column", () => {
    const src = `پارامتر سقـــف = ۵\nورودی مـبلغ`;
    const { text, offsets } = normalize(src);
    const at = createLocator(src);

    const f = text.indexOf("ف");
    expect(src[offsets[f]!]).toBe("ف");
    expect(at(offsets[f]!)).toEqual({ line: 1, column: 14 });

    const digit = text.indexOf("5");
    expect(src[offsets[digit]!]).toBe("۵");
    expect(at(offsets[digit]!)).toEqual({ line: 1, column: 18 });

    const b = text.indexOf("ب");
    expect(at(offsets[b]!)).toEqual({ line: 2, column: 9 });
    expect(offsets[text.length]).toBe(src.length);
  });

  it("maps past a dropped RLM and BOM", () => {
    const src = "\ufeff\u200fقاعده";
    const { text, offsets } = normalize(src);
    expect(text).toBe("قاعده");
    expect(offsets[0]).toBe(2);
  });

  it("keeps surrogate pairs whole and mapped unit by unit", () => {
    const { text, offsets } = normalize("a😀b");
    expect(text).toBe("a😀b");
    expect(Array.from(offsets)).toEqual([0, 1, 2, 3, 4]);
  });
});
