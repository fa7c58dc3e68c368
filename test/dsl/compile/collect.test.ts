import { describe, expect, it } from "vitest";
import { createEngine } from "../../../engine";
import { compileBody } from "./helpers";

const RULES = `
ورودی مدت : عدد اختیاری
ورودی نوع : یکی از (مسکن، خودرو)
جدول نرخ‌ها [بند ۱] (همه)
  | نوع | مدت || نرخ |
  | مسکن | کمتر از ۱۲ || ۲٪ |
  | مسکن، خودرو | ۶ تا ۲۴ || ۳٪ |
  | هر | بیشتر از ۱۲ || ۵٪ |
جدول مجازها [بند ۲] (همه)
  | مدت || مجاز |
  | کمتر از ۱۲ || بله |
  | کمتر از ۶ || خیر |
مقدار جمع_نرخ = جمع(نرخ‌ها(نوع، مدت))
مقدار تعداد_نرخ = تعداد(نرخ‌ها(نوع، مدت))
مقدار کمترین = کمینه(نرخ‌ها(نوع، مدت))
مقدار همه_مجاز = همه(مجازها(مدت)، مدت > ۱)
مقدار یکی_مجاز = حداقل_یکی(مجازها(مدت)، مدت > ۱)
`;

describe("aggregates over a «همه» table's look-up", () => {
  const a = compileBody(RULES);
  const engine = createEngine(a);
  const values = async (c: Record<string, unknown>) => (await engine.evaluate(c)).values;

  it("sum, count and min the matching rows' outputs; all/any test their condition on them", async () => {
    expect(await values({ نوع: "مسکن", مدت: 8 })).toEqual({
      جمع_نرخ: "5",
      تعداد_نرخ: "2",
      کمترین: "2",
      همه_مجاز: true,
      یکی_مجاز: true,
    });
    expect(await values({ نوع: "خودرو", مدت: 20 })).toMatchObject({
      جمع_نرخ: "8",
      تعداد_نرخ: "2",
      کمترین: "3",
    });
    expect(await values({ نوع: "مسکن", مدت: 3 })).toMatchObject({ جمع_نرخ: "2", تعداد_نرخ: "1" });
    expect(await values({ نوع: "مسکن", مدت: 1 })).toMatchObject({ همه_مجاز: false, یکی_مجاز: false });
  });

  it("is missing when no row matches", async () => {
    expect(await values({ نوع: "خودرو", مدت: 2 })).toMatchObject({
      جمع_نرخ: null,
      تعداد_نرخ: null,
      کمترین: null,
    });
    expect(await values({ نوع: "خودرو", مدت: 20 })).toMatchObject({ همه_مجاز: null, یکی_مجاز: false });
    expect(await values({ نوع: "خودرو" })).toMatchObject({ جمع_نرخ: null, همه_مجاز: null, یکی_مجاز: false });
  });

  it("keeps a long table within the engine's depth limit", () => {
    const rows = Array.from({ length: 200 }, (_, i) => `  | ${i} || ${i} |`).join("\n");
    const b = compileBody(
      `ورودی x : عدد\nجدول بزرگ [بند ۱] (همه)\n  | x || y |\n${rows}\nمقدار s = جمع(بزرگ(x))\n`,
    );
    expect(() => createEngine(b)).not.toThrow();
  });
});
