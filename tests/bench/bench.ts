export type Report = (name: string, value: number) => void;
export type BenchSuite = (report: Report) => Promise<void>;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `once` several times and returns the median of what it measured. */
export async function medianOf(runs: number, once: () => Promise<number> | number): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await once());
  return median(values);
}
