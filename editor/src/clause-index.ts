/**
 * A fund's clause index as the citation hover reads it: finding a citation's clause (exactly, else
 * under its longest listed prefix, as `zavabet coverage` counts a citation covered) and describing it
 * in Persian.
 */
import type { Clause } from "./api";

const KIND_FA: Record<Clause["kind"], string> = {
  encoded: "در قواعد آمده است",
  procedural: "رویه‌ای — تصمیمی درباره‌ی پرونده نیست",
  ambiguous: "دوپهلو — خوانشی برگزیده شده است",
};

/** Persian ی and ک for their Arabic look-alikes, spaces collapsed: how a citation is compared. */
const key = (s: string) =>
  s
    .replace(/\u064A/g, "\u06CC")
    .replace(/\u0643/g, "\u06A9")
    .replace(/\s+/g, " ")
    .trim();

export function findClause(
  index: Clause[],
  citation: string,
): { clause: Clause; exact: boolean } | undefined {
  const want = key(citation);
  const byKey = new Map(index.map((c) => [key(c.clause), c]));
  const exact = byKey.get(want);
  if (exact) return { clause: exact, exact: true };
  // Longest prefix ending at a separator: «ماده ۳، بند ۲» is under «ماده ۳», «ماده ۳۹» is not.
  let best: Clause | undefined;
  for (const [k, c] of byKey) {
    if (
      want.startsWith(k) &&
      /^[،,\s]/.test(want.slice(k.length)) &&
      (!best || k.length > key(best.clause).length)
    )
      best = c;
  }
  return best ? { clause: best, exact: false } : undefined;
}

export function describeClause(citation: string, index: Clause[] | undefined): string {
  if (index === undefined) return `**[${citation}]**\n\nفهرست بندهای این صندوق در دسترس نیست.`;
  const found = findClause(index, citation);
  if (!found) return `**[${citation}]**\n\nدر فهرست بندهای این صندوق نیست.`;
  const { clause } = found;
  const lines = [`**${clause.clause}** — ${KIND_FA[clause.kind]}`];
  if (!found.exact) lines.push(`(«${citation}» زیر این بند است)`);
  const gist = clause.summary ?? clause.reading ?? clause.reason;
  if (gist) lines.push(gist);
  if (clause.text) lines.push(`> ${clause.text.replace(/\n/g, "\n> ")}`);
  if (clause.encodedBy && clause.encodedBy.length > 0) lines.push(`در قواعد: ${clause.encodedBy.join("، ")}`);
  return lines.join("\n\n");
}
