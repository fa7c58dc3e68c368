/**
 * What every browser test of the editor shares: the editor built as `npm start` builds it (into a
 * temporary folder), served by the same server with a copy of a ruleset (so saves never touch
 * rulesets/), and Debian's Chromium driven by playwright-core. Screenshots go to
 * test/editor/screenshots/ (gitignored).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { createServer } from "../../server";

const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = resolve("test/editor/screenshots");
/** How long a test waits for what a person would see. */
export const LONG = 60_000;

export interface EditorSession {
  page: Page;
  /** The server's address. */
  base: string;
  /** The copy of rulesets/ the server reads and writes. */
  rulesets: string;
  /** Uncaught exceptions in the page, in order. */
  errors: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

type ServerOptions = Omit<Parameters<typeof createServer>[0], "rulesetsDir" | "editorDir">;

export async function openEditor(funds: string[], server: ServerOptions = {}): Promise<EditorSession> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (DEVELOPERS.md)`);
  const work = mkdtempSync(join(tmpdir(), "zavabet-editor-"));
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const dist = join(work, "dist");
    await build({
      configFile: resolve("vite.config.ts"),
      logLevel: "warn",
      build: { outDir: dist, emptyOutDir: true },
    });
    const rulesets = join(work, "rulesets");
    for (const fund of funds) cpSync(join("rulesets", fund), join(rulesets, fund), { recursive: true });
    app = createServer({ ...server, rulesetsDir: rulesets, editorDir: dist });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: "fa-IR" });
    const errors: string[] = [];
    // An exception in the page fails nothing by itself: a test asserts `errors` is empty.
    page.on("pageerror", (e) => errors.push(e.message));
    mkdirSync(SCREENSHOTS, { recursive: true });
    return {
      page,
      base,
      rulesets,
      errors,
      screenshot: async (name) => {
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Find `text` with the editor's find widget and leave it selected, as a person would. `fromCursor`:
 * the first occurrence after where the cursor already is (the find widget selects it as it is typed);
 * otherwise the editor is clicked first and Enter pressed, for a text that occurs once.
 */
export async function select(page: Page, text: string, fromCursor = false): Promise<void> {
  if (!fromCursor) await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+f");
  const input = page.locator(".find-widget textarea, .find-widget input").first();
  await input.fill(text);
  if (!fromCursor) await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
}
