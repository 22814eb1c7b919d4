import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/ipc/errors';
import { localeFiles, localeResources } from '../../../shared/i18n/resources';
import { languages } from '../../../shared/model/language';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function lookup(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], localeResources['zh-Hant']);
}

describe('locale files', () => {
  it('have exactly the same keys in Traditional, Simplified and English', () => {
    const reference = keysOf(localeResources['zh-Hant']).sort();
    for (const language of languages) expect(keysOf(localeResources[language]).sort()).toEqual(reference);
  });

  it('define each key in one feature file only, so no file silently overrides another', () => {
    const owners = new Map<string, string>();
    const twice: string[] = [];
    for (const [file, strings] of Object.entries(localeFiles)) {
      for (const key of keysOf(strings['zh-Hant'])) {
        if (owners.has(key)) twice.push(`${key} in ${owners.get(key)} and ${file}`);
        owners.set(key, file);
      }
    }
    expect(twice).toEqual([]);
  });

  it('have no empty message', () => {
    for (const language of languages) {
      for (const key of keysOf(localeResources[language])) expect(lookup(key), `${language} ${key}`).not.toBe('');
    }
  });

  it('name every error the bridge can return', () => {
    for (const code of ErrorCode.options) {
      for (const language of languages) {
        expect((localeResources[language].errors as Record<string, string>)[code], `${language} errors.${code}`).toBeTruthy();
      }
    }
  });

  it('contain every key the code asks for with a literal t("…")', async () => {
    const used = new Set<string>();
    const sources = ['renderer', 'electron'].map(async (dir) =>
      (await readdir(dir, { recursive: true })).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(dir, f)),
    );
    for (const file of (await Promise.all(sources)).flat()) {
      const source = await readFile(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((key) => typeof lookup(key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('write Simplified labels in Simplified characters, not Traditional ones', () => {
    // Two labels are Traditional on purpose: the language switch's 繁體, written in its own script,
    // and the example shown in the field for the Traditional name.
    const { language, newSubGroup, ...rest } = localeResources['zh-Hans'];
    const { 'zh-Hant': _ownScript, ...otherLanguages } = language;
    const { placeholderHant: _example, ...otherFields } = newSubGroup;
    const simplified = JSON.stringify([rest, otherLanguages, otherFields]);
    const traditionalOnly = /[體與為這個們來時會說對發開關資層據檔選項設儲專組區園聯廣顯]/g;
    const hits = (simplified.match(traditionalOnly) ?? []).join('');
    expect(hits).toBe('');
  });
});
