import { HANS_ONLY, HANT_ONLY } from './scriptEvidence.generated';
import type { Script } from './script';

let evidence: { hans: Set<string>; hant: Set<string> } | undefined;

/**
 * Which script text is written in, by counting characters found only in one script. Text whose characters
 * are the same in both (or that has no Chinese, or as much of one as the other) is neutral.
 */
export function detectScript(text: string): Script | 'neutral' {
  evidence ??= { hans: new Set(HANS_ONLY), hant: new Set(HANT_ONLY) };
  let hans = 0;
  let hant = 0;
  for (const char of text) {
    if (char < '\u2e80') continue;
    if (evidence.hans.has(char)) hans++;
    else if (evidence.hant.has(char)) hant++;
  }
  if (hans === hant) return 'neutral';
  return hans > hant ? 'hans' : 'hant';
}
