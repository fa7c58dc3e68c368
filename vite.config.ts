import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

/**
 * Monaco 0.57 places the text of a `textDirection: RTL` line at the right, but its mouse hit test
 * (createMouseTargetFromHitTestPosition) still takes any point right of the text's width to be past
 * the end of the line — so over a Persian line the pointer is "empty content" and no hover (marker,
 * name, citation) ever shows. The same test elsewhere in that file already skips RTL lines; this makes
 * this one do so too. The build fails if Monaco's code changes, so an upgrade cannot drop it silently.
 */
function monacoRtlHitTest(): Plugin {
  const from = "if (request.mouseContentHorizontalOffset > lineWidth) {";
  const to = "if (!ctx.isRtl(lineNumber) && request.mouseContentHorizontalOffset > lineWidth) {";
  return {
    name: "zavabet:monaco-rtl-hit-test",
    transform(code, id) {
      if (!id.replace(/\\/g, "/").endsWith("monaco-editor/esm/vs/editor/browser/controller/mouseTarget.js")) {
        return null;
      }
      if (code.split(from).length !== 2)
        this.error("monaco's mouseTarget.js changed: review the RTL hit-test fix");
      return { code: code.replace(from, to), map: null };
    },
  };
}

// The editor (issue 4) is the only thing vite builds: editor/index.html into editor/dist (gitignored),
// which the server serves at / (server/editor-static.ts). Tests use the same config through vitest.
export default defineConfig({
  root: "editor",
  base: "./",
  plugins: [monacoRtlHitTest()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Monaco alone is well over the default 500 kB warning; the size is known and accepted.
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: "es" },
  test: {
    root: ".",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
