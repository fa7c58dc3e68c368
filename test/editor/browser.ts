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
    mkdirSync(SCREENSHOTS, { recursive: true });
    return {
      page,
      base,
      rulesets,
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

/** Find `text` with the editor's find widget and leave it selected, as a person would. */
export async function select(page: Page, text: string): Promise<void> {
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+f");
  const input = page.locator(".find-widget textarea, .find-widget input").first();
  await input.fill(text);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
}
