/** The middle value of `values` (the mean of the two middle ones when their number is even). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The `p`th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** With `STUE_BENCH_VERBOSE=1`: every sample of each series, in order, to a tenth. */
export function logSamples(series: Record<string, readonly number[]>): void {
  if (!process.env['STUE_BENCH_VERBOSE']) return;
  const sorted = (xs: readonly number[]) =>
    [...xs].sort((a, b) => a - b).map((x) => Math.round(x * 10) / 10);
  console.log(Object.fromEntries(Object.entries(series).map(([name, xs]) => [name, sorted(xs)])));
}
