import { MIN_PASSPHRASE_LENGTH } from './contract';

export type PassphraseStrength = 'tooShort' | 'weak' | 'fair' | 'strong';

/**
 * A rough hint, not a gate beyond the minimum length: length counts most (a few unrelated words
 * beat a short jumble), then the kinds of characters (letters, digits, CJK, others).
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) return 'tooShort';
  const kinds = [/[a-zA-Z]/, /\d/, /\p{Script=Han}/u, /[^a-zA-Z\d\p{Script=Han}]/u].filter((kind) => kind.test(passphrase)).length;
  if (length >= 16 || (length >= 12 && kinds >= 3)) return 'strong';
  if (length >= 12 || kinds >= 3) return 'fair';
  return 'weak';
}
