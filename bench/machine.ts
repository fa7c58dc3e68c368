/**
 * The header every bench result carries: the machine the figures were measured on and the versions of
 * the packages that did the work, so that a figure is never read without what produced it.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  memoryGiB: number;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  };
}

/** The installed version of each package (from node_modules), "not installed" when it is absent. */
export function packageVersions(names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    try {
      const pkg = JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
        version?: unknown;
      };
      out[name] = typeof pkg.version === "string" ? pkg.version : "unknown";
    } catch {
      out[name] = "not installed";
    }
  }
  return out;
}

/** The 1, 5 and 15 minute load averages, to one decimal: on a shared machine, how busy it was. */
export function loadAverage(): number[] {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}
