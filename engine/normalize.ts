/**
 * Character normalisation of what a caller sends, the same one-for-one mapping the rule text gets
 * before it is read (docs/language-spec.md, "Text and literals"), so that names, one-of members and
 * texts compare equal however the caller's keyboard wrote them.
 */

const ONE_FOR_ONE: Record<string, string> = {
  "\u064A": "\u06CC", // Arabic yeh → Persian yeh
  "\u0649": "\u06CC", // alef maksura → Persian yeh
  "\u0643": "\u06A9", // Arabic kaf → Persian keheh
  "\u2212": "-", // minus sign
};
const DROPPED = /\u200D|[\u0640\u200E\u200F\u061C\uFEFF]/g;

function digit(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x06f0 && c <= 0x06f9) return String(c - 0x06f0);
  if (c >= 0x0660 && c <= 0x0669) return String(c - 0x0660);
  return ch;
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits → ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, digit);
}

/**
 * Text that normalisation leaves as it is: ASCII, and Persian/Arabic letters other than ي ى ك (all of
 * them precomposed, so NFC keeps them), with ZWNJ. Most of what callers send is this, and skipping the
 * replacements and NFC for it keeps reading a case cheap.
 */
const ALREADY_NORMAL = /^[ -~ء-قل-وٮٯٱ-ۓەۺ-ۿ‌]*$/;

/** Arabic letters → Persian, digits → ASCII, invisible marks dropped, NFC. ZWNJ is kept. */
export function normalizeText(text: string): string {
  if (ALREADY_NORMAL.test(text)) return text;
  const mapped = asciiDigits(text)
    .replace(DROPPED, "")
    .replace(/[\u064A\u0649\u0643\u2212]/g, (ch) => ONE_FOR_ONE[ch] ?? ch);
  return mapped.normalize("NFC");
}

const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A number as a caller may write it in a string → a plain ASCII decimal string ("1500000.5"), or the
 * input unchanged if it is not a number (validation then reports it). Accepts Persian/Arabic digits,
 * «٫» or "." as the decimal point, «٬» or "," between groups of three, and a leading minus or "+".
 */
export function normalizeNumberString(text: string): string {
  // Most callers send plain ASCII decimals: nothing to do.
  if (PLAIN_NUMBER.test(text)) return text;
  let s = normalizeText(text.trim())
    .replace(/\u066B/g, ".")
    .replace(/\u066C/g, ",");
  if (/^\+\d/.test(s)) s = s.slice(1);
  if (GROUPED.test(s)) s = s.replace(/,/g, "");
  return s;
}
