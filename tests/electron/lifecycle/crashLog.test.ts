import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrashLog } from '../../../electron/lifecycle/crashLog';
import { AppError } from '../../../shared/ipc/errors';

describe('the error log', () => {
  it('stays within its budget however many errors come: the file is rotated and only two older ones are kept', async () => {
    const folder = path.join(await mkdtemp(path.join(tmpdir(), 'hetao-log-')), 'logs');
    const log = new CrashLog(folder, { maxBytes: 4096, keep: 2 });
    for (let i = 0; i < 200; i++) await log.write('uncaughtException', new TypeError(`failure ${i}`));
    expect((await readdir(folder)).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    for (const file of await readdir(folder)) expect((await stat(path.join(folder, file))).size).toBeLessThanOrEqual(4096);
    expect(await readFile(log.file, 'utf8')).toMatch(/uncaughtException: TypeError\n\s+at /);
  });

  it('keeps the app’s own error codes and a system error’s code, but never a message that could quote a record', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'hetao-log-'));
    const log = new CrashLog(folder, { now: () => new Date('2026-12-02T09:00:00Z') });
    await log.write('unhandledRejection', new AppError('disk.full'));
    await log.write('unhandledRejection', Object.assign(new Error("EACCES: permission denied, open '/data/聯合政策.json'"), { code: 'EACCES' }));
    await log.write('unhandledRejection', new SyntaxError('Unexpected token 陳 in JSON at position 12'));
    await log.write('unhandledRejection', '李偉強');
    const text = await readFile(log.file, 'utf8');
    expect(text).toContain('2026-12-02T09:00:00.000Z unhandledRejection: AppError disk.full');
    expect(text).toContain('unhandledRejection: Error EACCES');
    expect(text).toContain('unhandledRejection: SyntaxError');
    expect(text).toContain('unhandledRejection: non-error value (string)');
    for (const content of ['聯合政策', '陳', '李偉強']) expect(text).not.toContain(content);
  });
});
