import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveCounterparts } from '../../../shared/script/counterparts';
import { loadDirection } from '../../../shared/script/dictionaries';
import { deriveScriptEvidence } from '../../../shared/script/scriptEvidence';
import { repoRoot } from './support';

const generatedPath = path.join(repoRoot, 'shared/script/scriptEvidence.generated.ts');

function render(chars: string): string {
  const lines = Array.from(chars).reduce<string[]>((out, char, i) => {
    if (i % 60 === 0) out.push('');
    out[out.length - 1] += char;
    return out;
  }, []);
  return `[\n${lines.map((line) => `  ${JSON.stringify(line)},`).join('\n')}\n].join('')`;
}

describe('script evidence tables', () => {
  it('scriptEvidence.generated.ts is what the current OpenCC dictionaries give', async () => {
    const { hansOnly, hantOnly } = deriveScriptEvidence(
      deriveCounterparts(await loadDirection('toHant')),
      deriveCounterparts(await loadDirection('toHans')),
    );
    const expected = [
      '// Generated from opencc-js\'s OpenCC dictionaries by tests/shared/script/scriptEvidence.test.ts; do not edit.',
      '// Regenerate: UPDATE_SCRIPT_EVIDENCE=1 npx vitest run --project node tests/shared/script/scriptEvidence.test.ts',
      '',
      '/** Characters only Simplified text uses (国, 发, 这). */',
      `export const HANS_ONLY = ${render(hansOnly)};`,
      '',
      '/** Characters only Traditional text uses (國, 發, 這). */',
      `export const HANT_ONLY = ${render(hantOnly)};`,
      '',
    ].join('\n');
    if (process.env.UPDATE_SCRIPT_EVIDENCE) writeFileSync(generatedPath, expected);
    expect(readFileSync(generatedPath, 'utf8'), 'regenerate with UPDATE_SCRIPT_EVIDENCE=1').toBe(expected);
  });

  it('characters that are their own counterpart are evidence of neither script', async () => {
    const { HANS_ONLY, HANT_ONLY } = await import('../../../shared/script/scriptEvidence.generated');
    for (const char of '国发这后台里面干') expect(HANT_ONLY).not.toContain(char);
    for (const char of '國發這後乾') expect(HANS_ONLY).not.toContain(char);
    for (const char of '后台里面干乾') expect(HANS_ONLY + HANT_ONLY, char).not.toContain(char);
    expect(HANS_ONLY).toContain('国');
    expect(HANS_ONLY).toContain('发');
    expect(HANT_ONLY).toContain('國');
    expect(HANT_ONLY).toContain('後');
  });
});
