import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** What one installer may carry in app.asar: today about 12 MB (the renderer's chunks, OpenCC's dictionaries). */
const ASAR_BUDGET_MB = 20;

// Where the fuse wire sits in Electron's binary (see @electron/fuses): a sentinel, the wire's
// version (1) and length, then one byte per fuse ('0' off, '1' on), in FuseV1Options order.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];
/** Electron's own defaults, as in a fresh binary. */
const STOCK_WIRE = '10110001';

let work: string;
let unpacked: string;
let entries: string[];

/**
 * Packages the app for Linux into a folder with electron-builder and the project's own
 * electron-builder.yml, from a fresh build of this checkout, around a stand-in Electron folder
 * (a script carrying Electron's fuse wire), so nothing is downloaded.
 */
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'hetao-packaging-'));
  const app = path.join(work, 'app');
  await mkdir(app, { recursive: true });
  await copyFile('package.json', path.join(app, 'package.json'));
  await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build-electron.ts', path.join(app, 'dist')]);
  await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error', '--outDir', path.join(app, 'dist/renderer'), '--emptyOutDir']);

  const standIn = path.join(work, 'electron-dist');
  await mkdir(path.join(standIn, 'resources'), { recursive: true });
  await writeFile(path.join(standIn, 'electron'), Buffer.concat([Buffer.from(`#!/bin/sh\n${SENTINEL}`), Buffer.from([1, FUSES.length]), Buffer.from(STOCK_WIRE)]));
  await chmod(path.join(standIn, 'electron'), 0o755);

  await build({
    projectDir: process.cwd(),
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: { directories: { app, output: path.join(work, 'release') }, electronDist: standIn },
  });
  unpacked = path.join(work, 'release', 'linux-unpacked');
  entries = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the Linux package electron-builder makes', () => {
  it('holds the main process, the preload and the renderer in app.asar', () => {
    for (const entry of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']) {
      expect(entries).toContain(entry);
    }
    expect(entries.some((entry) => /^\/dist\/renderer\/assets\/index-.*\.js$/.test(entry))).toBe(true);
  });

  it('ships only what runs: no node_modules, tests, sources or source maps', () => {
    expect(entries.filter((entry) => entry.includes('node_modules'))).toEqual([]);
    expect(entries.filter((entry) => /^\/(tests|electron|renderer|shared|scripts)\//.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /\.(ts|tsx|map)$/.test(entry))).toEqual([]);
  });

  it(`keeps app.asar under ${ASAR_BUDGET_MB} MB`, async () => {
    const { size } = await stat(path.join(unpacked, 'resources', 'app.asar'));
    expect(size / 1_000_000).toBeLessThan(ASAR_BUDGET_MB);
  });

  it('flips the fuses in the binary it ships', async () => {
    const binary = await readFile(path.join(unpacked, 'hetao-desk'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length + 2;
    const wire = Object.fromEntries(FUSES.map((fuse, i) => [fuse, binary.subarray(at, at + FUSES.length).toString()[i] === '1']));
    expect(wire).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
