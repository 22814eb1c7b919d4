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

/** Resolves a key as i18next does, including error codes such as `errors.record.changedElsewhere` whose own names hold dots. */
function lookup(key: string, node: unknown = localeResources['zh-Hant']): unknown {
  if (typeof node !== 'object' || node === null) return undefined;
  const entries = node as Record<string, unknown>;
  if (key in entries) return entries[key];
  const dot = key.indexOf('.');
  return dot < 0 ? undefined : lookup(key.slice(dot + 1), entries[key.slice(0, dot)]);
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
      // `t('…')` called as a function, not a method such as `this.t('hant')` that picks a translator.
      for (const match of source.matchAll(/(?<![.\w])t\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((key) => typeof lookup(key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('write Simplified labels in Simplified characters, not Traditional ones', () => {
    // Traditional on purpose: 繁體 where a choice of script names itself in its own script (the
    // language switch, an export's edition choice), and the example in the Traditional name field.
    const ownName = (key: string, text: string) => text === '繁體' || key === 'newSubGroup.placeholderHant';
    const hits = keysOf(localeResources['zh-Hans'])
      .map((key) => [key, String(lookup(key, localeResources['zh-Hans']))] as const)
      .filter(([key, text]) => !ownName(key, text) && /[體與為這個們來時會說對發開關資層據檔選項設儲專組區園聯廣顯]/.test(text));
    expect(hits).toEqual([]);
  });
});
