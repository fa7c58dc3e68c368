/**
 * Source offsets to editor positions. Diagnostics carry the line and column an author sees in the
 * editor (Monaco): 1-based, columns counted in UTF-16 code units of the original text, which is
 * also what JavaScript string indices count. Offsets from the normalised text go through
 * `normalize(...).offsets` first.
 */

export interface Position {
  line: number;
  column: number;
}

/**
 * Precomputes where each line starts so a file with thousands of diagnostics costs a binary search
 * per position rather than a rescan. Only \n ends a line; in \r\n the \r is the last unit of its
 * line, so a column never counts it twice.
 */
export function createLocator(src: string): (offset: number) => Position {
  const starts = [0];
  for (let i = src.indexOf("\n"); i !== -1; i = src.indexOf("\n", i + 1)) starts.push(i + 1);

  return (offset) => {
    // A range's end may sit one past the last unit; anything wilder is a caller bug we should not
    // turn into a crash while reporting another error.
    const at = Math.min(Math.max(Math.trunc(offset) || 0, 0), src.length);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 };
  };
}
