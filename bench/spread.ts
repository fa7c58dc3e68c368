/** Figures over several runs: the median with the lowest and highest, as every bench reports them. */

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** A spread with the runs it was taken over, in the order they ran. */
export interface RunSpread extends Spread {
  runs: number[];
}

/** The median (of an even count, the mean of the middle two); 0 for none. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The spread of `xs`, each figure (and each run) rounded by `round`. */
export function spread(xs: readonly number[], round: (x: number) => number = (x) => x): RunSpread {
  return {
    median: round(median(xs)),
    min: round(Math.min(...xs)),
    max: round(Math.max(...xs)),
    runs: xs.map(round),
  };
}
