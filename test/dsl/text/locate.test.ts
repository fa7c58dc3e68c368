import { describe, expect, it } from "vitest";
import { createLocator } from "../../../dsl/text";

describe("createLocator", () => {
  it("gives 1-based lines and columns", () => {
    const at = createLocator("ab\ncd\n\nef");
    expect(at(0)).toEqual({ line: 1, column: 1 });
    expect(at(1)).toEqual({ line: 1, column: 2 });
    expect(at(2)).toEqual({ line: 1, column: 3 }); // the \n itself ends line 1
    expect(at(3)).toEqual({ line: 2, column: 1 });
    expect(at(6)).toEqual({ line: 3, column: 1 });
    expect(at(7)).toEqual({ line: 4, column: 1 });
    expect(at(9)).toEqual({ line: 4, column: 3 }); // one past the end
  });

  it("treats \\r\\n as one line end, the \\r belonging to the line", () => {
    const at = createLocator("ab\r\ncd");
    expect(at(2)).toEqual({ line: 1, column: 3 });
    expect(at(3)).toEqual({ line: 1, column: 4 });
    expect(at(4)).toEqual({ line: 2, column: 1 });
  });

  it("counts columns in UTF-16 units, as Monaco does", () => {
    const at = createLocator("😀x\nسلام");
    expect(at(2)).toEqual({ line: 1, column: 3 });
    expect(at(6)).toEqual({ line: 2, column: 3 });
  });

  it("clamps offsets outside the text rather than throwing", () => {
    const at = createLocator("ab\ncd");
    expect(at(-4)).toEqual({ line: 1, column: 1 });
    expect(at(99)).toEqual({ line: 2, column: 3 });
  });

  it("handles an empty source and a trailing newline", () => {
    expect(createLocator("")(0)).toEqual({ line: 1, column: 1 });
    expect(createLocator("a\n")(2)).toEqual({ line: 2, column: 1 });
  });

  it("agrees with a naive scan on a long file", () => {
    const src = Array.from({ length: 300 }, (_, i) => "ی".repeat(i % 37)).join("\r\n");
    const at = createLocator(src);
    let line = 1;
    let column = 1;
    for (let i = 0; i <= src.length; i++) {
      expect(at(i)).toEqual({ line, column });
      if (src[i] === "\n") {
        line++;
        column = 1;
      } else column++;
    }
  });
});
