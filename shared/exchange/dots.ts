/*
 * Change stamps without wall clocks: each installation counts its own writes. A dot `id@n` names
 * the n-th write of installation `id`; a version vector says, per installation, how many of its
 * writes something includes.
 */

export type Dot = string;
export type VersionVector = Record<string, number>;

export function dotOf(installationId: string, counter: number): Dot {
  return `${installationId}@${counter}`;
}

export function parseDot(dot: Dot): { id: string; counter: number } {
  const at = dot.lastIndexOf('@');
  return { id: dot.slice(0, at), counter: Number(dot.slice(at + 1)) };
}

/** Whether the write `dot` is among those `vv` includes. */
export function covers(vv: VersionVector, dot: Dot): boolean {
  const { id, counter } = parseDot(dot);
  return (vv[id] ?? 0) >= counter;
}

/** Every installation's writes either includes: the vector after a merge. */
export function maxVv(a: VersionVector, b: VersionVector): VersionVector {
  const out: VersionVector = { ...a };
  for (const [id, n] of Object.entries(b)) if ((out[id] ?? 0) < n) out[id] = n;
  return out;
}

export function addDot(vv: VersionVector, dot: Dot): VersionVector {
  const { id, counter } = parseDot(dot);
  return (vv[id] ?? 0) >= counter ? vv : { ...vv, [id]: counter };
}

/** Whether `a` includes every write `b` includes. */
export function dominates(a: VersionVector, b: VersionVector): boolean {
  return Object.entries(b).every(([id, n]) => (a[id] ?? 0) >= n);
}

/** A total order on dots every installation computes alike: counter, then installation id. */
export function compareDots(a: Dot, b: Dot): number {
  const x = parseDot(a);
  const y = parseDot(b);
  if (x.counter !== y.counter) return x.counter - y.counter;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}
