import { defineConfig } from "vitest/config";

// The editor (issue 4) is the only thing vite builds; tests use the same config through vitest.
export default defineConfig({
  root: "editor",
  test: {
    root: ".",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
