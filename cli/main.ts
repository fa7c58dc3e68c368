/**
 * The zavabet command line: check, compile, eval and test rulesets. A thin shell over dsl/ and
 * engine/. Exit codes: 0 success; 1 the ruleset has errors or a test failed; 2 bad usage or input.
 * Every error is caught here and printed as a Persian line and an English line, never as a stack
 * trace (set ZAVABET_DEBUG=1 to see the stack of an unexpected one). Commands are imported when they
 * run, so that even a module that fails to load is reported this way.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { CliError, EXIT, type ExitCode, messageOf } from "./errors";
import { err } from "./io";

function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const version =
      typeof pkg === "object" && pkg !== null ? (pkg as { version?: unknown }).version : undefined;
    return typeof version === "string" ? version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}

const RULESET_HELP = `
A ruleset (قواعد) is named by: a .zb file; a ruleset folder (its latest version); fund@version
(under ./rulesets, or $ZAVABET_RULESETS); a fund name under the same folder. eval and test also take
a compiled artefact .json. Exit codes: 0 ok, 1 errors in the rules or failed tests, 2 bad usage or input.`;

function buildProgram(setExit: (code: ExitCode) => void): Command {
  const program = new Command("zavabet")
    .description(
      "Check, compile, evaluate and test zavabet rulesets — بررسی، کامپایل، اجرا و آزمون قواعد ضوابط",
    )
    .version(packageVersion(), "-V, --version", "print the version — نسخه")
    .helpOption("-h, --help", "show help — راهنما")
    .addHelpCommand(false)
    .addHelpText("after", RULESET_HELP)
    .exitOverride()
    .configureOutput({ outputError: () => {} });

  program
    .command("check")
    .description("report every error and warning in rulesets — بررسی قواعد و گزارش خطاها و هشدارها")
    .argument("<ruleset...>", "rulesets to check (a folder of rulesets checks each)")
    .option("--json", "print the diagnostics as JSON")
    .action(async (rulesets: string[], options: { json?: boolean }) => {
      const { runCheck } = await import("./check");
      setExit(runCheck(rulesets, options));
    });

  program
    .command("compile")
    .description("compile a ruleset to its artefact JSON — کامپایل قواعد به JSON")
    .argument("<ruleset>", "the ruleset to compile")
    .option("-o, --output <file>", "write the artefact to a file instead of standard output")
    .action(async (ruleset: string, options: { output?: string }) => {
      const { runCompile } = await import("./compile");
      setExit(runCompile(ruleset, options));
    });

  program
    .command("schema")
    .description("print the JSON Schema of a case for a ruleset — طرح‌واره‌ی JSON ورودی قواعد")
    .argument("<ruleset>", "the ruleset (folder, fund@version, .zb or artefact .json)")
    .action(async (ruleset: string) => {
      const { runSchema } = await import("./schema");
      setExit(runSchema(ruleset));
    });

  program
    .command("eval")
    .description("evaluate one case against a ruleset — اجرای قواعد روی یک مورد")
    .argument("<ruleset>", "the ruleset (source or compiled artefact)")
    .argument("[case]", 'the case JSON file; standard input when omitted or "-"')
    .option("--explain", "print a readable Persian account of the decision instead of JSON")
    .option(
      "--reference",
      "run on json-rules-engine itself (the reference evaluator) instead of the compiled one",
    )
    .action(
      async (
        ruleset: string,
        casePath: string | undefined,
        options: { explain?: boolean; reference?: boolean },
      ) => {
        const { runEval } = await import("./eval");
        setExit(await runEval(ruleset, casePath, options));
      },
    );

  program
    .command("test")
    .description("run the tests written in rulesets — اجرای آزمون‌های قواعد")
    .argument("<ruleset...>", "rulesets to test (a folder of rulesets tests each)")
    .option(
      "--reference",
      "run on json-rules-engine itself (the reference evaluator) instead of the compiled one",
    )
    .action(async (rulesets: string[], options: { reference?: boolean }) => {
      const { runTest } = await import("./test");
      setExit(await runTest(rulesets, options));
    });

  program
    .command("coverage")
    .description("check each fund's clause index against its rules — بررسی نمایه‌ی بندها در برابر قواعد")
    .argument("<fund...>", "fund folders, or a folder of funds such as rulesets")
    .option("--json", "print the report as JSON")
    .action(async (funds: string[], options: { json?: boolean }) => {
      const { runCoverage } = await import("./coverage");
      setExit(runCoverage(funds, options));
    });

  program
    .command("serve")
    .description("serve the rulesets over HTTP (docs/http.md) — سرویس HTTP قواعد")
    .option("-p, --port <port>", "the port to listen on", "8080")
    .option("--host <host>", "the address to listen on", "127.0.0.1")
    .option("--rulesets <dir>", "the rulesets folder (default ./rulesets, or $ZAVABET_RULESETS)")
    .action(async (options: { port?: string; host?: string; rulesets?: string }) => {
      const { runServe } = await import("./serve");
      setExit(await runServe(options));
    });

  program
    .command("compare")
    .description("two versions over a corpus of cases: what decides differently — مقایسه‌ی دو نسخه روی موردها")
    .requiredOption("--base <ruleset>", "the published version (fund@version, a .zb or artefact .json)")
    .requiredOption("--candidate <ruleset>", "the version to compare with it (fund@version or a file)")
    .requiredOption("--cases <file>", 'the corpus: JSON Lines (.jsonl) or CSV (.csv); "-" for standard input')
    .option("--format <format>", "jsonl or csv (default: from the file name; jsonl for standard input)")
    .option("--json", "print the report as JSON (docs/compare-report.schema.json)")
    .option("--html <file>", "also write the report as a self-contained HTML page (opens offline)")
    .option("--strict", "stop at the first malformed line (exit 2) instead of skipping it")
    .option(
      "--fail-on <gate>",
      "exit 1 when: decision (any decision changed), any (any difference), N% (decisions changed in more than N% of the cases)",
    )
    .option("--examples <n>", "example cases kept per group", "3")
    .option("--threads <n>", "worker threads, each with its own engines (default: one per core; 1: none)")
    .option("--no-progress", "no progress line on standard error")
    .action(async (options: import("./compare").CompareOptions) => {
      const { runCompare } = await import("./compare");
      // 130 (interrupted) is outside ExitCode's 0–2 but passes through to process.exitCode as it is.
      setExit((await runCompare(options)) as ExitCode);
    });

  const cases = program
    .command("cases")
    .description("synthetic corpora of cases — ساخت مجموعه‌ی موردها")
    .helpOption("-h, --help", "show help — راهنما")
    .addHelpCommand(false);
  cases
    .command("generate")
    .description("a reproducible corpus of cases as JSON Lines — ساخت موردهای تکرارپذیر (JSON Lines)")
    .argument("<ruleset>", "the ruleset whose inputs and boundaries the cases cover")
    .requiredOption("-n, --count <n>", "how many cases")
    .option("-s, --seed <seed>", "the seed: the same seed gives the same cases", "0")
    .option("-o, --out <file>", "write to a file instead of standard output")
    .action(async (ruleset: string, options: { count: string; seed?: string; out?: string }) => {
      const { runCasesGenerate } = await import("./cases");
      setExit(await runCasesGenerate(ruleset, options));
    })
    .exitOverride()
    .configureOutput({ outputError: () => {} });

  for (const command of program.commands) {
    command.exitOverride().configureOutput({ outputError: () => {} });
  }
  return program;
}

/** Commander's usage errors, in Persian; commander's own English message is the English line. */
const USAGE_FA: Record<string, string> = {
  "commander.unknownCommand": "فرمان ناشناخته",
  "commander.unknownOption": "گزینه‌ی ناشناخته",
  "commander.missingArgument": "آرگومان لازم داده نشده است",
  "commander.optionMissingArgument": "این گزینه مقدار می‌خواهد",
  "commander.missingMandatoryOptionValue": "گزینه‌ی لازم داده نشده است",
  "commander.excessArguments": "آرگومان‌های اضافی",
  "commander.invalidArgument": "آرگومان نادرست",
  "commander.conflictingOption": "گزینه‌های ناسازگار",
};

function printError(fa: string, en: string, details: readonly string[] = []): void {
  err(`خطا: ${fa}`);
  err(`error: ${en}`);
  for (const line of details) err(line);
}

/** Print anything thrown as a Persian and an English line; the exit code it means. */
function report(e: unknown): ExitCode {
  if (e instanceof CliError) {
    printError(e.fa, e.en, e.details);
    return e.exitCode;
  }
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return EXIT.ok;
    if (e.code === "commander.help" || e.code === "commander.executeSubCommandAsync") return EXIT.usage;
    const en = e.message.replace(/^error:\s*/, "");
    const quoted = /'([^']*)'/.exec(en)?.[1];
    const fa = `${USAGE_FA[e.code] ?? "استفاده‌ی نادرست"}${quoted === undefined ? "" : ` «${quoted}»`}`;
    printError(fa, en, ["راهنما — help: zavabet --help"]);
    return EXIT.usage;
  }
  printError(`خطای پیش‌بینی‌نشده: ${messageOf(e)}`, `unexpected error: ${messageOf(e)}`);
  if (process.env.ZAVABET_DEBUG && e instanceof Error && e.stack) err(e.stack);
  return EXIT.usage;
}

// A reader that stops early (`zavabet ... | head`) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
});
process.on("uncaughtException", (e) => {
  process.exitCode = report(e);
});
process.on("unhandledRejection", (e) => {
  process.exitCode = report(e);
});

let exitCode: ExitCode = EXIT.ok;
try {
  await buildProgram((code) => {
    exitCode = code;
  }).parseAsync(process.argv);
} catch (e) {
  exitCode = report(e);
}
process.exitCode = exitCode;
