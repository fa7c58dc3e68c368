/**
 * The comparison report as one self-contained HTML page: inline CSS and an inline SVG chart, no
 * script, no external reference, so it opens offline and can be mailed or attached to a CI run.
 * Persian, right to left, with the English labels beside; every text from the rules or the cases is
 * escaped.
 */
import type { CompareReport, RulesetRef, SideDecision, Transition } from "./types";

const DECISION_FA: Record<SideDecision, string> = {
  accept: "پذیرش",
  reject: "رد",
  refer: "ارجاع",
  invalid: "ورودی نامعتبر",
};
const COLOUR: Record<SideDecision, string> = {
  accept: "#2e7d32",
  reject: "#c62828",
  refer: "#ef6c00",
  invalid: "#6d4c41",
};

const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
const count = (x: number) =>
  x
    .toLocaleString("en-US")
    .replace(/[0-9]/g, (d) => PERSIAN[Number(d)] ?? d)
    .replace(/,/g, "٬");

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const pct = (part: number, whole: number) => (whole === 0 ? "0%" : `${((part * 100) / whole).toFixed(1)}%`);

interface Bar {
  label: string;
  value: number;
  colour: string;
}

/** A horizontal bar chart; bars scale to the largest value. */
function chart(bars: readonly Bar[], title: string): string {
  if (bars.length === 0) return "";
  const rowHeight = 26;
  const labelWidth = 360;
  const barWidth = 380;
  const height = bars.length * rowHeight + 36;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const rows = bars
    .map((b, i) => {
      const y = 30 + i * rowHeight;
      const w = Math.max(1, Math.round((b.value / max) * barWidth));
      return (
        `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(b.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 2}" width="${w}" height="${rowHeight - 8}" fill="${b.colour}" rx="3"/>` +
        `<text x="${labelWidth + w + 6}" y="${y + 15}">${count(b.value)}</text>`
      );
    })
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" ` +
    `viewBox="0 0 ${labelWidth + barWidth + 90} ${height}" width="100%" direction="ltr">` +
    `<text x="0" y="18" font-weight="bold">${escapeHtml(title)}</text>${rows}</svg>`
  );
}

const arrow = (t: Transition) => `${DECISION_FA[t.from]} → ${DECISION_FA[t.to]} (${t.from} → ${t.to})`;
const ref = (r: RulesetRef) =>
  `${escapeHtml(r.ruleset)} <span class="muted">(${escapeHtml(r.file)}، نسخه — version ${escapeHtml(r.version)})</span>`;
const json = (v: unknown) => `<code dir="ltr">${escapeHtml(JSON.stringify(v))}</code>`;

const CSS = `
body{font-family:Vazirmatn,Tahoma,"Segoe UI",sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222;line-height:1.6}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.3rem .6rem;text-align:right;vertical-align:top}
th{background:#f5f5f5}.muted{color:#777;font-size:.9em}.warn{background:#fff3e0;border:1px solid #ef6c00;padding:.6rem}
.fail{color:#c62828;font-weight:bold}.pass{color:#2e7d32;font-weight:bold}
code{font-size:.8em;overflow-wrap:anywhere}details{margin:.3rem 0}svg text{font-size:13px;font-family:inherit}
`;

/** The report as a complete HTML document. */
export function renderHtml(report: CompareReport): string {
  const s = report.summary;
  const parts: string[] = [];
  parts.push(
    `<h1>مقایسه‌ی دو نسخه <span class="muted">(compare)</span></h1>`,
    `<p>پایه (base): ${ref(report.base)}<br>نامزد (candidate): ${ref(report.candidate)}<br>` +
      `موردها (cases): ${escapeHtml(report.cases.source)} <span class="muted">(${report.cases.format})</span></p>`,
  );
  if (!report.complete) {
    parts.push(
      `<p class="warn">ناتمام: اجرا قطع شد؛ شمارش‌ها تنها موردهای خوانده‌شده تا آن لحظه است — incomplete: the run was interrupted; the counts are of the cases read until then.</p>`,
    );
  }
  if (report.failOn) {
    const f = report.failOn;
    parts.push(
      `<p class="${f.failed ? "fail" : "pass"}">--fail-on ${escapeHtml(f.spec)}: ${f.failed ? "شکست (failed)" : "گذشت (passed)"} — ${escapeHtml(f.message.fa)} — ${escapeHtml(f.message.en)}</p>`,
    );
  }
  const row = (fa: string, en: string, v: number, of?: number) =>
    `<tr><th>${fa} <span class="muted">(${en})</span></th><td>${count(v)}</td><td>${of === undefined ? "" : pct(v, of)}</td></tr>`;
  parts.push(
    '<h2>خلاصه <span class="muted">(summary)</span></h2><table>',
    row("موردها", "cases", s.cases),
    row("مقایسه‌شده", "compared", s.compared),
    row("بدون تغییر", "unchanged", s.unchanged, s.compared),
    row("تغییر تصمیم", "decision changed", s.decisionChanged, s.compared),
    row("تغییر پیامد", "outcomes changed", s.outcomesChanged, s.compared),
    row("تغییر مقدار", "values changed", s.valuesChanged, s.compared),
    row("نامعتبر در هر دو", "invalid in both", s.invalidInBoth),
    row("سطر نادرست", "malformed lines", s.malformed),
    "</table>",
  );

  const changes = report.decisions.filter((t) => t.from !== t.to);
  parts.push(
    chart(
      changes.map((t) => ({ label: arrow(t), value: t.cases, colour: COLOUR[t.to] })),
      "تغییر تصمیم (decision changes)",
    ),
  );
  parts.push(
    chart(
      report.rules.slice(0, 20).map((g) => ({ label: `«${g.rule}»`, value: g.cases, colour: "#1565c0" })),
      "موردهای تغییرکرده بر حسب قاعده (changed cases by rule)",
    ),
  );

  if (report.rules.length > 0) {
    parts.push(`<h2>بر حسب قاعده <span class="muted">(by rule)</span></h2>`);
    for (const g of report.rules) {
      parts.push(
        `<h3>«${escapeHtml(g.rule)}» <span class="muted">[${escapeHtml(g.citation)}]</span></h3>`,
        g.baseCitation
          ? `<p class="muted">استناد پایه (base citation): [${escapeHtml(g.baseCitation)}]</p>`
          : "",
        `<p>${count(g.cases)} مورد (cases)، ${count(g.decisionChanged)} تغییر تصمیم (decision changed) · فقط در پایه (base only): ${count(g.baseOnly)} · فقط در نامزد (candidate only): ${count(g.candidateOnly)} · پیامد دیگر (changed): ${count(g.changed)}</p>`,
      );
      if (g.transitions.length > 0) {
        parts.push(
          `<ul>${g.transitions.map((t) => `<li>${arrow(t)}: ${count(t.cases)}</li>`).join("")}</ul>`,
        );
      }
      for (const e of g.examples) {
        parts.push(
          `<details><summary>سطر ${count(e.line)} (line ${e.line}): ${DECISION_FA[e.base.decision]} → ${DECISION_FA[e.candidate.decision]}</summary>` +
            `<p>مورد (case): ${json(e.case)}</p><p>پایه (base): ${json(e.base.outcomes)}</p><p>نامزد (candidate): ${json(e.candidate.outcomes)}</p></details>`,
        );
      }
    }
  }
  if (report.values.length > 0) {
    parts.push(
      `<h2>بر حسب مقدار <span class="muted">(by value)</span></h2><table><tr><th>مقدار (value)</th><th>بند (clause)</th><th>موردها (cases)</th><th>تغییر تصمیم (decision changed)</th><th>نمونه‌ها (examples)</th></tr>`,
    );
    for (const g of report.values) {
      const examples = g.examples
        .map((e) => `سطر ${count(e.line)}: ${json(e.base)} → ${json(e.candidate)}`)
        .join("<br>");
      parts.push(
        `<tr><td>${escapeHtml(g.value)}</td><td>${escapeHtml(g.citation ?? "")}</td><td>${count(g.cases)}</td><td>${count(g.decisionChanged)}</td><td>${examples}</td></tr>`,
      );
    }
    parts.push("</table>");
  }
  if (report.invalid.length > 0) {
    const who = { base: "پایه (base)", candidate: "نامزد (candidate)", both: "هر دو (both)" };
    parts.push(`<h2>ورودی نامعتبر <span class="muted">(refused as input)</span></h2>`);
    for (const g of report.invalid) {
      parts.push(`<p>رد ورودی در ${who[g.refusedBy]}: ${count(g.cases)}</p>`);
      for (const e of g.examples) {
        const issues = e.issues
          .map((i) => `${escapeHtml(i.field)}: ${escapeHtml(i.fa)} — ${escapeHtml(i.en)}`)
          .join("<br>");
        parts.push(
          `<details><summary>سطر ${count(e.line)} (line ${e.line})</summary><p>${json(e.case)}</p><p>${issues}</p></details>`,
        );
      }
    }
  }
  if (report.malformed.length > 0) {
    parts.push(
      `<h2>سطرهای نادرست <span class="muted">(malformed lines)</span></h2><ul>${report.malformed
        .map(
          (m) =>
            `<li>${escapeHtml(m.message.fa)}<br><span class="muted" dir="ltr">${escapeHtml(m.message.en)}</span></li>`,
        )
        .join("")}</ul>`,
    );
  }
  return `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>مقایسه‌ی ${escapeHtml(report.base.ruleset)} و ${escapeHtml(report.candidate.ruleset)} — zavabet compare</title>
<style>${CSS}</style>
</head>
<body>
${parts.filter((p) => p !== "").join("\n")}
</body>
</html>
`;
}
