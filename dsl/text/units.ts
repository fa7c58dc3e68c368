import { exactTimes } from "./exact";
import { normalize } from "./normalize";

/** The scale words that may follow a number («۵۰ میلیارد ریال»), as exact multipliers. */
export const SCALE_WORDS: Record<string, string> = {
  هزار: "1000",
  میلیون: "1000000",
  میلیارد: "1000000000",
};

/** The language's money type is in rials; a toman is ten rials, as everyday speech counts. */
export const TOMAN_IN_RIALS = "10";

/** The spelling a word is looked up under, so «ميليون» with an Arabic yeh is still a scale word. */
function lookupKey(word: string): string {
  return normalize(word.trim()).text;
}

/**
 * `value` times the scale word's multiplier, exactly. An unknown word is the caller's bug (the lexer
 * only produces the three), so it throws rather than guess a multiplier.
 */
export function applyScale(value: string, scaleWord: string): string {
  const multiplier = SCALE_WORDS[lookupKey(scaleWord)];
  if (multiplier === undefined) throw new RangeError(`not a scale word: «${scaleWord}»`);
  return exactTimes(value, multiplier);
}

/** A money amount in rials, from an amount in the currency named. */
export function moneyToRials(value: string, currencyWord: "ریال" | "تومان"): string {
  switch (lookupKey(currencyWord)) {
    case "ریال":
      return exactTimes(value, "1");
    case "تومان":
      return exactTimes(value, TOMAN_IN_RIALS);
    default:
      throw new RangeError(`not a currency: «${currencyWord}»`);
  }
}

/** The Persian word for each unit a number literal may carry, for display and message suffixes. */
export const UNIT_WORDS = {
  rial: "ریال",
  percent: "٪",
  month: "ماه",
  year: "سال",
  day: "روز",
  person: "نفر",
} as const satisfies Record<string, string>;

export type Unit = keyof typeof UNIT_WORDS;
