/**
 * Normalisation for lexing. Persian text arrives in several spellings that a reader sees as one
 * (Arabic or Persian yeh and kaf, three digit sets, invisible joining and direction marks), so the
 * lexer works on one spelling. Diagnostics must still point at the text the author wrote, hence the
 * offset map: `offsets[i]` is the index in `src` of `text[i]`, and `offsets[text.length]` is
 * `src.length` so that an end-exclusive range maps too.
 *
 * Every step keeps at most one output unit per source unit, except NFC inside a cluster, where a
 * composed letter maps to the cluster's first unit. Offsets therefore never decrease.
 */

export interface Normalized {
  text: string;
  offsets: Int32Array;
}

/**
 * Marks that only steer rendering (tatweel stretches a joint, ZWJ forces a join, LRM/RLM/ALM set
 * direction) or label the encoding (BOM). They are invisible to a reader, so they must not split or
 * change a word. ZWNJ (U+200C) is deliberately absent: «می‌شود» and «میشود» are different spellings
 * and a name's ZWNJ is part of the name.
 */
const INVISIBLE = new Set([0x0640, 0x200d, 0x200e, 0x200f, 0x061c, 0xfeff]);

/** Arabic letters and digit forms that Persian readers take as the Persian/ASCII ones. */
function foldUnit(c: number): number {
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 0x30; // Persian ۰–۹
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 0x30; // Arabic-Indic ٠–٩
  switch (c) {
    case 0x064a: // ي Arabic yeh: Arabic keyboards and old Windows layouts produce it
    case 0x0649: // ى alef maksura: often typed for a final yeh
      return 0x06cc;
    case 0x0643: // ك Arabic kaf
      return 0x06a9;
    case 0x2212: // − minus sign, pasted from word processors
      return 0x2d;
    default:
      return c;
  }
}

/**
 * A cluster: one code point and what NFC may compose onto it, namely combining marks and Hangul
 * vowel/trailing jamo (the one case of two letters composing). NFC never composes across the start
 * of a cluster, so composing cluster by cluster gives exactly NFC of the whole.
 */
const CLUSTER = /[\s\S][\p{M}\u1160-\u11ff]*/gu;

interface Units {
  text: string;
  /** The source unit of each unit of `text`; `null` when it is the unit itself (nothing dropped). */
  from: Int32Array | null;
}

/** Index of the first invisible mark at or after `start`, or -1. */
function nextInvisible(src: string, start: number): number {
  for (let i = start; i < src.length; i++) if (INVISIBLE.has(src.charCodeAt(i))) return i;
  return -1;
}

function dropInvisible(src: string): Units {
  // Most rule files have no such mark: their units map to themselves, with no table to build.
  let at = nextInvisible(src, 0);
  if (at === -1) return { text: src, from: null };
  let text = src.slice(0, at);
  const from = new Int32Array(src.length);
  for (let i = 0; i < at; i++) from[i] = i;
  let kept = at;
  while (at !== -1) {
    const next = nextInvisible(src, at + 1);
    const end = next === -1 ? src.length : next;
    text += src.slice(at + 1, end);
    for (let i = at + 1; i < end; i++) from[kept++] = i;
    at = next;
  }
  return { text, from: from.subarray(0, kept) };
}

/**
 * NFC, cluster by cluster, so that each output unit still knows its source unit. Runs after the
 * invisible marks are gone so that a mark typed after a tatweel lands on the letter it decorates,
 * and before folding so that ي + hamza above still composes to ئ as NFC defines it. Lines already
 * in NFC (nearly all of them) are copied whole: \n composes with nothing, so lines are independent.
 */
function composeNfc(units: Units): Units {
  const { text: src, from: srcFrom } = units;
  if (src.normalize("NFC") === src) return units;
  const sourceOf = (i: number) => (srcFrom === null ? i : (srcFrom[i] as number));
  let text = "";
  const from: number[] = [];
  for (let lineStart = 0; lineStart < src.length; ) {
    const newline = src.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? src.length : newline + 1;
    const line = src.slice(lineStart, lineEnd);
    if (line.normalize("NFC") === line) {
      text += line;
      for (let i = lineStart; i < lineEnd; i++) from.push(sourceOf(i));
    } else {
      for (const { 0: cluster, index } of line.matchAll(CLUSTER)) {
        const composed = cluster.normalize("NFC");
        text += composed;
        // Same length: NFC left the cluster alone or only reordered its marks, so map one for one.
        // Otherwise composed letters take the offsets of the cluster's first units.
        const start = lineStart + index;
        for (let k = 0; k < composed.length; k++)
          from.push(sourceOf(start + Math.min(k, cluster.length - 1)));
      }
    }
    lineStart = lineEnd;
  }
  return { text, from: Int32Array.from(from) };
}

export function normalize(src: string): Normalized {
  const { text: composed, from } = composeNfc(dropInvisible(src));
  const offsets = new Int32Array(composed.length + 1);
  let text = "";
  let runStart = 0;
  for (let i = 0; i < composed.length; i++) {
    offsets[i] = from === null ? i : (from[i] as number);
    const c = composed.charCodeAt(i);
    const folded = foldUnit(c);
    if (folded === c) continue;
    text += composed.slice(runStart, i) + String.fromCharCode(folded);
    runStart = i + 1;
  }
  text += composed.slice(runStart);
  offsets[composed.length] = src.length;
  return { text, offsets };
}
