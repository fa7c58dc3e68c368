import { normalize } from "./normalize";

/**
 * How names compare. Two names are the same name when they read the same: after `normalize`
 * (Arabic/Persian letters, invisible marks) and without the short-vowel and other Arabic diacritics
 * (U+064B–065F, U+0670), which authors add or omit at will. ZWNJ stays: «سقف‌کل» and «سقفکل» are
 * different keys, and the checker warns (ZB2003) rather than merge them behind the author's back.
 *
 * Diacritics are dropped from the normalised text, so a precomposed letter such as آ or ئ keeps its
 * identity: آ is its own letter in Persian, not ا with decoration.
 */
const DIACRITICS = /[\u064b-\u065f\u0670]/g;

export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = normalize(name).text.replace(DIACRITICS, "");
    // The checker asks for the same few thousand names over and over; the cap keeps a long-running
    // server that checks many drafts from holding every name it ever saw.
    if (keys.size >= MAX_KEYS_REMEMBERED) keys.clear();
    keys.set(name, key);
  }
  return key;
}

const keys = new Map<string, string>();
const MAX_KEYS_REMEMBERED = 100_000;

/** The key without ZWNJ; only for spotting names that differ by ZWNJ alone, never for look-up. */
export function withoutZwnj(name: string): string {
  return nameKey(name).replace(/\u200c/g, "");
}

/** Levenshtein distance in code points (a Persian letter is one edit, whatever its encoding). */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[t.length]!;
}

/**
 * The candidates close enough to `name` to suggest as "did you mean", best first, at most `max`.
 * Close means within a third of the name's length (at least one edit): a short name with two
 * typos is more likely a different name than a misspelling. Candidates compare by key, so a
 * suggestion is never offered for a difference the language already ignores.
 */
export function closestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  const key = nameKey(name);
  const limit = Math.max(1, Math.floor(Array.from(key).length / 3));
  const scored: { candidate: string; distance: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const distance = editDistance(key, nameKey(candidate));
    if (distance <= limit) scored.push({ candidate, distance });
  }
  // Array.prototype.sort is stable, so equally close candidates keep their declaration order.
  scored.sort((x, y) => x.distance - y.distance);
  return scored.slice(0, Math.max(0, max)).map((s) => s.candidate);
}
