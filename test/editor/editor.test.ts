/**
 * The editor in a real browser (Debian's Chromium through playwright-core): the built editor, served
 * by the same server `npm start` runs, opens the Omid ruleset; a typo in the home-business cap
 * (`پارامتر سقف_خانگی`) raises the checker's Persian diagnostic as one types, and fixing it clears it.
 * Screenshots of each state go to test/editor/screenshots/ (gitignored).
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type EditorSession, LONG, openEditor, select as selectIn } from "./browser";

const CAP_LINE = "پارامتر سقف_خانگی = ۱۰۰ میلیون ریال";

let session: EditorSession;
let page: Page;
let base: string;

beforeAll(async () => {
  session = await openEditor(["omid"]);
  ({ page, base } = session);
}, 180_000);

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  expect(session.errors).toEqual([]);
});

const status = () => page.locator("#status");
const problems = () => page.locator("#problems li");
const select = (text: string) => selectIn(page, text);

/** The right end of the cap line's text lies inside the editor, left of its 14-pixel scrollbar. */
async function rightEdgeInView(): Promise<void> {
  const line = page.locator(".view-line", { hasText: "سقف_خانگی" }).first();
  const word = await line.getByText("پارامتر", { exact: true }).boundingBox();
  const editorBox = await page.locator("#editor").boundingBox();
  expect(word && editorBox).toBeTruthy();
  if (word && editorBox)
    expect(word.x + word.width).toBeLessThanOrEqual(editorBox.x + editorBox.width - 14 + 1);
}

describe("the editor in Chromium", () => {
  it(
    "opens Omid as a Persian page, with the rules laid out right to left",
    async () => {
      await page.goto(`${base}/?fund=omid`);
      await expect.poll(() => status().textContent(), { timeout: LONG }).toBe("بی‌ایراد");
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      expect(await page.locator("#fund").inputValue()).toBe("omid");
      // The font is the packaged one, and it loaded.
      expect(await page.evaluate(() => document.fonts.check("16px Vazirmatn", "قاعده"))).toBe(true);
      // Persian lines are turned by Monaco's RTL decoration, never by CSS on the editor.
      const editorDirection = await page
        .locator(".monaco-editor")
        .evaluate((el) => getComputedStyle(el).direction);
      expect(editorDirection).toBe("ltr");
      const input = page.locator(".view-line", { hasText: "ورودی کد_سرفصل (loanCode)" });
      expect(await input.getAttribute("dir")).toBe("rtl");
      // A rule line reads from the right: its first word is right of its Latin alias.
      const keyword = await input.getByText("ورودی", { exact: true }).boundingBox();
      const alias = await input.getByText("loanCode", { exact: true }).boundingBox();
      expect(keyword && alias && keyword.x > alias.x).toBe(true);
      // A line with no Persian (the rule of ═ under the title) stays left to right.
      expect(await page.locator(".view-line").first().getAttribute("dir")).not.toBe("rtl");
      expect(await problems().count()).toBe(0);
      await session.screenshot("1-opened");
    },
    LONG * 2,
  );

  it(
    "shows a Persian diagnostic for a typo in the home-business cap, and clears it once fixed",
    async () => {
      await select(CAP_LINE);
      await page.keyboard.type("پارامتر سقف_خانگی = ۱۰۰ میلون ریال");
      const typo = problems().filter({ hasText: "«میلون»" });
      await expect.poll(() => typo.count(), { timeout: LONG }).toBe(1);
      expect(await typo.getAttribute("data-code")).toBe("ZB1002");
      expect(await typo.textContent()).toContain("انتظار می‌رفت");
      expect(await typo.locator(".where").textContent()).toBe("سطر ۳۸۴");
      await expect
        .poll(() => page.locator(".view-overlays .squiggly-error").count(), { timeout: LONG })
        .toBeGreaterThan(0);
      expect(await status().textContent()).toMatch(/خطا/);
      // Pointing at the typo shows the diagnostic in Monaco's hover, on a right-to-left line
      // (vite.config.ts mends Monaco's hit test for such lines).
      const word = await page.locator(".view-lines span span", { hasText: /^میلون$/ }).boundingBox();
      expect(word).not.toBeNull();
      if (word) await page.mouse.move(word.x + word.width / 2, word.y + word.height / 2, { steps: 3 });
      const hover = page.locator(".monaco-hover", { hasText: "«میلون» آمده است" });
      await expect.poll(() => hover.isVisible(), { timeout: LONG }).toBe(true);
      await session.screenshot("2-typo-hover");
      await page.mouse.move(5, 5);
      // The editor's own problem view (Shift+F8, previous problem from the cursor) shows it under the line.
      await page.keyboard.press("Shift+F8");
      const widget = page.locator(".marker-widget", { hasText: "«میلون» آمده است" });
      await expect.poll(() => widget.isVisible(), { timeout: LONG }).toBe(true);
      await session.screenshot("2-typo");

      await page.keyboard.press("Escape");
      await select("۱۰۰ میلون ریال");
      await page.keyboard.type("۱۰۰ میلیون ریال");
      await page.keyboard.press("Escape"); // the completion list that typing opened
      await expect.poll(() => status().textContent(), { timeout: LONG }).toBe("بی‌ایراد");
      expect(await problems().count()).toBe(0);
      expect(await page.locator(".view-overlays .squiggly-error").count()).toBe(0);
      // Every line's first word is still in view after the edits (not scrolled under the scrollbar).
      await rightEdgeInView();
      await session.screenshot("3-fixed");
    },
    LONG * 3,
  );

  it(
    "hovers a name with its kind, type, value and clause, and completes declared names",
    async () => {
      await page.keyboard.press("Escape"); // a completion list typing may have left open
      const line = page.locator(".view-line", { hasText: CAP_LINE });
      const name = await line.locator("span span", { hasText: /^سقف_خانگی$/ }).boundingBox();
      expect(name).not.toBeNull();
      if (name) await page.mouse.move(name.x + name.width / 2, name.y + name.height / 2, { steps: 3 });
      const hover = page.locator(".monaco-hover", { hasText: "پارامتر سقف_خانگی" });
      await expect.poll(() => hover.isVisible(), { timeout: LONG }).toBe(true);
      const text = await hover.textContent();
      expect(text).toContain("مبلغ ریالی");
      expect(text).toContain("۱۰۰ میلیون ریال");
      expect(text).toContain("ماده ۳۹");
      await session.screenshot("4-hover-name");
      await page.mouse.move(5, 5);

      // A new line, the start of a name, and the list offers the declared ones.
      await select(CAP_LINE);
      await page.keyboard.press("End");
      await page.keyboard.press("Enter");
      await page.keyboard.type("مقدار م = سقف_خا");
      await page.keyboard.press("Control+Space");
      const suggestion = page.locator(".suggest-widget .monaco-list-row", { hasText: "سقف_خانگی" });
      await expect.poll(() => suggestion.count(), { timeout: LONG }).toBeGreaterThan(0);
      await session.screenshot("5-completion");
      await page.keyboard.press("Escape");
    },
    LONG * 3,
  );
});
