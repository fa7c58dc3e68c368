/**
 * How the CLI refuses work: a message in Persian and in English and an exit code. main.ts catches
 * every error at the top and prints these two lines; nobody ever sees a stack trace.
 */

/** Exit codes: 0 success; 1 the rules have errors or tests fail; 2 bad usage or input. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  readonly fa: string;
  readonly en: string;
  readonly exitCode: ExitCode;
  /** Further lines shown under the message (for example the available rulesets). */
  readonly details: string[];

  constructor(fa: string, en: string, options: { exitCode?: ExitCode; details?: string[] } = {}) {
    super(en);
    this.name = "CliError";
    this.fa = fa;
    this.en = en;
    this.exitCode = options.exitCode ?? EXIT.usage;
    this.details = options.details ?? [];
  }
}

/** The message of anything thrown, for the English line. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
