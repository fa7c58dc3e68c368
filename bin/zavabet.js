#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx zavabet` never needs a build step.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
