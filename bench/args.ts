/**
 * A bench script's command line, read the same way by every script: `--name N` (a positive whole
 * number), `--name value` (a text), flags, and at most one positional argument, each named by the
 * option it sets; an unknown argument or a missing value is an error that shows the script's usage.
 * What was given lies over the script's smoke-sized defaults when its smoke flag is given, and over
 * its defaults. A smoke run's figures mean nothing: it writes them only where --out says.
 */
import { resolve } from "node:path";

export interface ArgSpec<O> {
  defaults: O;
  /** `--name N` → the option it sets (a positive whole number). */
  whole?: Record<string, keyof O>;
  /** `--name value` → the option it sets (`--out` is read as a path). */
  text?: Record<string, keyof O>;
  /** The flag that makes a smoke-sized run, the option it sets, and that run's own defaults. */
  smoke?: { flag: string; option: keyof O; defaults: Partial<O> };
  /** The option a bare argument sets. */
  positional?: keyof O;
}

export function readArgs<O extends { out?: string }>(
  argv: readonly string[],
  spec: ArgSpec<O>,
  usage: string,
): O {
  const given: Partial<Record<keyof O, unknown>> = {};
  let smoke = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const whole = spec.whole?.[arg];
    const text = spec.text?.[arg];
    if (whole !== undefined) {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${arg} needs a positive whole number\n${usage}`);
      given[whole] = v;
    } else if (text !== undefined) {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${arg} needs a value\n${usage}`);
      given[text] = arg === "--out" ? resolve(v) : v;
    } else if (spec.smoke && arg === spec.smoke.flag) {
      smoke = true;
    } else if (
      spec.positional !== undefined &&
      !arg.startsWith("--") &&
      given[spec.positional] === undefined
    ) {
      given[spec.positional] = arg;
    } else {
      throw new Error(`unknown argument ${arg}\n${usage}`);
    }
  }
  const options = { ...spec.defaults, ...(smoke ? spec.smoke?.defaults : {}), ...given } as O;
  if (spec.smoke) {
    (options as Record<keyof O, unknown>)[spec.smoke.option] = smoke;
    if (smoke && given["out" as keyof O] === undefined) options.out = undefined;
  }
  return options;
}
