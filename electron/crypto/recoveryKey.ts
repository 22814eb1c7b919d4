import { createHash, randomInt } from 'node:crypto';

/** Letters only, leaving out those misread on paper or over the phone (I, L, O, U): 22, about 4.46 bits each. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_LETTERS = 30; // 30 × log2(22) ≈ 133.8 bits: beyond any offline search, so no stretching is needed
const CHECK_LETTERS = 2;
const GROUP = 4;

/** The recovery key as the user writes it down: 8 groups of 4 letters, the last two letters a check. */
export type RecoveryKeyText = string;

function checkLetters(letters: string): string {
  const digest = createHash('sha256').update(`hetao-recovery-check:${letters}`).digest();
  let out = '';
  for (let i = 0; i < CHECK_LETTERS; i++) out += ALPHABET[digest[i]! % ALPHABET.length];
  return out;
}

function grouped(letters: string): string {
  return letters.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

export function newRecoveryKey(): RecoveryKeyText {
  let letters = '';
  for (let i = 0; i < RANDOM_LETTERS; i++) letters += ALPHABET[randomInt(ALPHABET.length)];
  return grouped(letters + checkLetters(letters));
}

export type ParsedRecoveryKey = { ok: true; letters: string } | { ok: false; reason: 'length' | 'letters' | 'check' };

/**
 * Reads a recovery key as typed: any case, spaces or dashes anywhere. A typing slip is caught by the
 * check letters before any unlocking is attempted, so the user is told "mistyped", not "wrong key".
 */
export function parseRecoveryKey(typed: string): ParsedRecoveryKey {
  const letters = typed.toUpperCase().replace(/[\s\-–—_.]/g, '');
  if (![...letters].every((c) => ALPHABET.includes(c))) return { ok: false, reason: 'letters' };
  if (letters.length !== RANDOM_LETTERS + CHECK_LETTERS) return { ok: false, reason: 'length' };
  const body = letters.slice(0, RANDOM_LETTERS);
  if (checkLetters(body) !== letters.slice(RANDOM_LETTERS)) return { ok: false, reason: 'check' };
  return { ok: true, letters };
}

/**
 * Which groups the user must type back before the key is accepted (1-based), chosen at random so
 * the key must really have been written down, not only glanced at.
 */
export function groupsToConfirm(count = 2): number[] {
  const total = (RANDOM_LETTERS + CHECK_LETTERS) / GROUP;
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(randomInt(total) + 1);
  return [...chosen].sort((a, b) => a - b);
}

/** Whether `typed` matches the given groups of the key (same tolerance as parseRecoveryKey). */
export function confirmsGroups(key: RecoveryKeyText, groups: number[], typed: string[]): boolean {
  const letters = key.replace(/-/g, '');
  return groups.every((group, i) => {
    const expected = letters.slice((group - 1) * GROUP, group * GROUP);
    return (typed[i] ?? '').toUpperCase().replace(/[\s-]/g, '') === expected;
  });
}
