/** Bounds on the work one artefact or one case can ask for: part of the contract, so the checker can
 * refuse a ruleset that would break them and the engine refuses an artefact that does. */

/** Deepest expression tree accepted in an artefact (each nested Expr node is one level). */
export const MAX_EXPR_DEPTH = 64;
/** Deepest json-rules-engine condition tree accepted (each all/any/not is one level). */
export const MAX_CONDITION_DEPTH = 64;
/**
 * Deepest raw JSON nesting accepted before the artefact is even schema-checked, so a hostile document
 * cannot exhaust the stack of the (recursive) validator. Generous: an Expr level costs at most two.
 */
export const MAX_JSON_DEPTH = 400;
/** Most items a list input may hold. */
export const MAX_LIST_ITEMS = 1_000;
/** Longest text a case may send for a text input. */
export const MAX_TEXT_LENGTH = 10_000;
/** Case numbers: at most this many digits before and after the point. */
export const MAX_INTEGER_DIGITS = 30;
export const MAX_FRACTION_DIGITS = 12;
/** Deepest expression counting the rows of the tables it calls (tables may call tables, never in a cycle). */
export const MAX_EFFECTIVE_DEPTH = 256;
/** Most aggregates nested inside one another (counting through table calls): bounds work to n². */
export const MAX_AGG_NESTING = 2;
/**
 * Most expression nodes one case may evaluate, counted at load in the worst case: every list at
 * MAX_LIST_ITEMS items, every table look-up testing every row and computing every output (tables
 * calling tables multiply). A few seconds of work at most; a ruleset written for real cases stays
 * far below it (the shipped ones need well under 10⁶), while tables that call each other twice per
 * row, or many values with nested aggregates, would otherwise take minutes a case.
 */
export const MAX_CASE_WORK = 10_000_000;
