/**
 * latest.json (bench/run.ts) as Markdown tables, for docs/performance.md. Only the part between the
 * two marker comments is written; the rest of that file is prose kept by hand (the walls, where the
 * time goes, what would get past them).
 */
import type { Latest } from "./run";
import type { Spread } from "./spread";

export const BEGIN =
  "<!-- bench:begin — written by `npm run bench` (bench/run.ts); edit outside the markers -->";
export const END = "<!-- bench:end -->";

/** A figure as the summary, the tables and the printed targets show it: grouped, `digits` decimals. */
export const n = (x: number, digits = 0) =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** "median [min–max]" */
const spread = (s: Spread, digits = 0) =>
  s.min === s.max ? n(s.median, digits) : `${n(s.median, digits)} [${n(s.min, digits)}–${n(s.max, digits)}]`;

const table = (head: string[], rows: string[][], align: ("l" | "r")[]) =>
  [
    `| ${head.join(" | ")} |`,
    `|${align.map((a) => (a === "r" ? "--:" : "---")).join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

function runsSection(l: Latest): string {
  const rows = Object.entries(l.runs).map(([name, r]) => [
    name,
    r.generated.replace("T", " ").slice(0, 16),
    `${r.load.before.join(" / ")} → ${r.load.after.join(" / ")}`,
    r.failed ? "failed: figures from before" : r.fresh ? "this run" : "an earlier run",
    `\`${r.command ?? r.file}\``,
  ]);
  return table(["bench", "when (UTC)", "load 1/5/15 min, before → after", "figures", "command"], rows, [
    "l",
    "l",
    "l",
    "l",
    "l",
  ]);
}

function targetsSection(l: Latest): string {
  const mark = (m: boolean | null) => (m === true ? "✓ met" : m === false ? "✗ missed" : "· not at size");
  return table(
    ["target", "measured", ""],
    l.targets.map((t) => [t.target, t.measured, mark(t.met)]),
    ["l", "l", "l"],
  );
}

function evaluationSection(l: Latest): string {
  const ev = l.evaluation;
  if (!ev) return "_not measured_";
  const parts = [
    `${n(ev.cases)} cases per decision, ${ev.runs} timed passes each; cases/s are the median pass [slowest–fastest]; every row was checked to give the engine's result on every case it was timed on.`,
  ];
  for (const d of ev.decisions) {
    parts.push(
      `#### ${d.name} — \`${d.source}\`, ${d.rules} rules${d.verified ? "" : " — **results not verified**"}`,
    );
    parts.push(
      table(
        ["implementation", "cases/s", "p50 µs", "p99 µs", "compiled ÷ this"],
        d.rows.map((r) => {
          const ratio = d.compiledOver[r.key];
          return [
            r.label,
            spread(r.casesPerSecond),
            `${n(r.p50Micros, 1)}${r.per === "case" ? "" : " †"}`,
            `${n(r.p99Micros, 1)}${r.per === "case" ? "" : " †"}`,
            ratio === undefined ? "" : `${n(ratio, 3)}×`,
          ];
        }),
        ["l", "r", "r", "r", "r"],
      ),
    );
    if (d.rows.some((r) => r.per !== "case")) parts.push("† per batch of 100 cases, not per case.");
  }
  return parts.join("\n\n");
}

function httpSection(l: Latest): string {
  const h = l.http;
  if (!h) return "_not measured_";
  return [
    `\`${h.ruleset}\`, ${h.connections} connections on loopback (autocannon on the same 2 cores); requests/s median [min–max] over the rounds.`,
    table(
      ["endpoint", "requests/s", "p99 ms", "errors"],
      [
        [
          "evaluate, one case",
          spread(h.evaluate.requestsPerSecond),
          n(h.evaluate.p99Ms),
          n(h.evaluate.errors),
        ],
        [
          "bare fastify, constant",
          spread(h.constant.requestsPerSecond),
          n(h.constant.p99Ms),
          n(h.constant.errors),
        ],
        [
          "bare fastify, the evaluate answer as a constant",
          spread(h.sameSizeConstant.requestsPerSecond),
          n(h.sameSizeConstant.p99Ms),
          "",
        ],
        [
          `evaluate, batches of ${h.batch.casesPerRequest} (${n(h.batch.casesPerSecond)} cases/s)`,
          spread(h.batch.requestsPerSecond),
          n(h.batch.p99Ms),
          "",
        ],
      ],
      ["l", "r", "r", "r"],
    ),
    `evaluate ÷ constant ${n(h.evaluateOverConstant, 3)}×; ÷ the same-size constant ${n(h.evaluateOverSameSize, 3)}×.`,
  ].join("\n\n");
}

function compileSection(l: Latest): string {
  const c = l.compile;
  if (!c) return "_not measured_";
  return [
    table(
      ["rule file", "KB", "lines", "rules", "compile MB/s", "check MB/s"],
      c.files.map((f) => [
        f.source.startsWith("generated") ? f.source : `\`${f.source}\``,
        n(f.bytes / 1000),
        n(f.lines),
        n(f.rules),
        spread(f.compileMBPerSecond, 2),
        spread(f.checkMBPerSecond, 2),
      ]),
      ["l", "r", "r", "r", "r", "r"],
    ),
    `All ${c.shipped.files} shipped files together: ${n(c.shipped.compileMBPerSecond, 2)} MB/s (${n(c.shipped.bytes / 1e6, 2)} MB).`,
  ].join("\n\n");
}

function diagnosticsSection(l: Latest): string {
  const d = l.diagnostics;
  if (!d) return "_not measured_";
  return [
    `\`${d.source}\` (${n(d.lines)} lines) in the editor, ${d.browser}; ms median [min–max] over the keystrokes.`,
    table(
      ["keystroke", "to markers drawn", "editor's pause", "checker worker"],
      [
        [
          "a typo",
          spread(d.typo.keystrokeToDrawnMs, 1),
          spread(d.typo.pauseMs, 1),
          spread(d.typo.workerMs, 1),
        ],
        ["its fix", spread(d.fix.keystrokeToDrawnMs, 1), spread(d.fix.pauseMs, 1), spread(d.fix.workerMs, 1)],
      ],
      ["l", "r", "r", "r"],
    ),
    `checkSource on the same text in Node: ${n(d.nodeCheckSourceMs, 1)} ms.`,
  ].join("\n\n");
}

function regressionSection(l: Latest): string {
  const g = l.regression;
  if (!g) return "_not measured_";
  return [
    `${n(g.cases)} generated Omid cases × 2 versions (omid@1 and the home-business cap lowered); reports identical threaded and single: ${g.reportsIdentical ? "yes" : "**no**"}.`,
    table(
      ["run", "wall s", "cases/s"],
      [
        [`${g.threads} worker threads`, spread(g.threaded.wallSeconds, 1), spread(g.threaded.casesPerSecond)],
        ["one thread", spread(g.single.wallSeconds, 1), spread(g.single.casesPerSecond)],
      ],
      ["l", "r", "r"],
    ),
    `threaded ÷ single ${n(g.threadedOverSingle, 2)}×. Peak RSS ${n(g.peakRssMiB.large, 1)} MiB over ${n(g.peakRssMiB.largeCases)} cases, ${n(g.peakRssMiB.small, 1)} MiB over ${n(g.peakRssMiB.smallCases)}: ${n(g.peakRssMiB.ratio, 3)}×.`,
  ].join("\n\n");
}

/** The generated block. */
export function renderTables(l: Latest): string {
  const m = l.machine;
  const packages = Object.entries(l.packages)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return [
    BEGIN,
    "",
    `${l.smoke ? "**Smoke run: these figures mean nothing.** " : ""}Summary made ${l.generated.replace("T", " ").slice(0, 16)} UTC on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node.replace(/^v/, "")}, ${m.platform}. Packages: ${packages}.`,
    "",
    "### Targets",
    "",
    targetsSection(l),
    "",
    "### Evaluation",
    "",
    evaluationSection(l),
    "",
    "### HTTP",
    "",
    httpSection(l),
    "",
    "### Compile",
    "",
    compileSection(l),
    "",
    "### Keystroke to diagnostics",
    "",
    diagnosticsSection(l),
    "",
    "### Regression",
    "",
    regressionSection(l),
    "",
    "### The runs",
    "",
    runsSection(l),
    "",
    END,
  ].join("\n");
}

/**
 * `existing` with its generated block replaced; without a block, the block is added at its end (the
 * prose is never lost); without a file, a page of the block alone.
 */
export function renderPerformance(l: Latest, existing: string | undefined): string {
  const block = renderTables(l);
  if (existing === undefined) return `# Performance\n\n${block}\n`;
  const start = existing.indexOf(BEGIN);
  const end = existing.indexOf(END);
  if (start !== -1 && end > start)
    return `${existing.slice(0, start)}${block}${existing.slice(end + END.length)}`;
  return `${existing.trimEnd()}\n\n${block}\n`;
}
