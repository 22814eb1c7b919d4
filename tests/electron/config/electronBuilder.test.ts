import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
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

  it('re-signs macOS builds ad hoc after flipping the fuses, so an unsigned arm64 build is not killed at launch', async () => {
    const config = load(await readFile('electron-builder.yml', 'utf8')) as { electronFuses: { resetAdHocDarwinSignature?: boolean } };
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true);
  });

  it('copies no dependency into the package: its beforeBuild hook says node_modules are handled outside', async () => {
    const config = load(await readFile('electron-builder.yml', 'utf8')) as { beforeBuild?: string };
    expect(config.beforeBuild).toBeTypeOf('string');
    const hook = require(path.resolve(config.beforeBuild!)) as () => Promise<boolean>;
    expect(await hook()).toBe(false);
  });
});

describe('package.json', () => {
  it('names a homepage and an author with an e-mail, which the Linux deb requires', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8'));
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+$/);
  });

  it('asks for a Node no older than what Electron’s own build tooling declares', async () => {
    const minimum = (range: string) => range.match(/(\d+)\.(\d+)/)!.slice(1).map(Number) as [number, number];
    const atLeast = ([a, b]: [number, number], [c, d]: [number, number]) => a > c || (a === c && b >= d);
    const ours = minimum(JSON.parse(await readFile('package.json', 'utf8')).engines.node);
    for (const tool of ['electron', '@electron/get', '@electron/rebuild']) {
      const declared = JSON.parse(await readFile(path.join('node_modules', tool, 'package.json'), 'utf8')).engines?.node;
      if (declared) expect(atLeast(ours, minimum(declared)), `${tool} declares ${declared}`).toBe(true);
    }
  });
});
