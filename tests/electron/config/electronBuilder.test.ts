import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own configuration schema', async () => {
    const schema = JSON.parse(await readFile(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const config = load(await readFile('electron-builder.yml', 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('builds the installers the working group uses, from an asar with hardened fuses', async () => {
    type Targets = Array<string | { target: string }>;
    const config = load(await readFile('electron-builder.yml', 'utf8')) as {
      win: { target: Targets };
      mac: { target: Targets };
      linux: { target: Targets };
      asar: boolean;
      electronFuses: Record<string, boolean>;
      files: string[];
    };
    const targets = (list: Targets) => list.map((t) => (typeof t === 'string' ? t : t.target));
    expect(targets(config.win.target)).toEqual(['nsis', 'portable']);
    expect(targets(config.mac.target)).toEqual(['dmg']);
    expect(targets(config.linux.target)).toEqual(['AppImage', 'deb']);
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true });
    const pkg = JSON.parse(await readFile('package.json', 'utf8'));
    expect(config.files).toContain('dist/electron/**');
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });
});
