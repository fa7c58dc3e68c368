import { defineConfig } from "vitest/config";

// The editor (issue 4) is the only thing vite builds: editor/index.html into editor/dist (gitignored),
// which the server serves at / (server/editor-static.ts). Tests use the same config through vitest.
export default defineConfig({
  root: "editor",
  base: "./",
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
