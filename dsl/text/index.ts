/**
 * dsl/text: the only place that knows Persian orthography — spellings, digits, separators, scale
 * and currency words, the Jalali calendar, and how names compare. Everything here is pure.
 */
export { toAsciiDigits } from "./digits";
export { type FormatOptions, formatDecimalFa, toPersianDigits } from "./display";
export { type JalaliDate, jalaliFromDayNumber, parseJalaliDate } from "./jalali";
export { createLocator, type Position } from "./locate";
export { closestNames, editDistance, nameKey, withoutZwnj } from "./names";
export { type Normalized, normalize } from "./normalize";
export { parseNumber } from "./numbers";
export { applyScale, moneyToRials, SCALE_WORDS, TOMAN_IN_RIALS, UNIT_WORDS, type Unit } from "./units";
