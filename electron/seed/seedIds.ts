import { createHash } from 'node:crypto';

/**
 * The id of a record every data folder starts with (the working group, its sub-groups, the
 * arrangement's measures, the glossary's seed terms): the same on every installation, so the first
 * exchange between two laptops meets one record, not two copies of it.
 */
export function seedId(kind: string, key: string): string {
  const hex = createHash('sha256').update(`hetao-seed:${kind}:${key}`).digest('hex');
  // Shaped as a name-based UUID (version 5, RFC 9562 variant) so every id check accepts it.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
