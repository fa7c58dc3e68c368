/** `npm run openapi`: write docs/openapi.json, the OpenAPI document for the default limits. */
import { writeFileSync } from "node:fs";
import { buildOpenApi, DEFAULT_LIMITS, packageVersion } from "./index";

const path = new URL("../docs/openapi.json", import.meta.url);
writeFileSync(path, `${JSON.stringify(buildOpenApi(DEFAULT_LIMITS, packageVersion()), null, 2)}\n`);
process.stdout.write(`✓ docs/openapi.json\n`);
