import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinary } from './electronBinary';

/*
 * The built app in real Electron (npm run test:electron, after npm run build): the window, the
 * bridge, saving, the pack's PDF, quitting and a second launch. Where Electron's binary is absent
 * (CI, machines that cannot download it) every test reports itself skipped, with the reason.
 */
const binary = electronBinary();
const skipped = 'missing' in binary ? binary.missing : null;

let running: ElectronApplication | null = null;

afterEach(async () => {
  await running?.close().catch(() => undefined);
  running = null;
});

async function launch(userData: string): Promise<{ app: ElectronApplication; window: Page }> {
  const app = await _electron.launch({
    executablePath: (binary as { path: string }).path,
    args: ['.'],
    env: { ...process.env, HETAO_USER_DATA: userData },
  });
  running = app;
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window };
}

/** Calls the bridge as the UI does and returns the value (throws on a typed error). */
async function call<T>(window: Page, channel: string, input?: unknown): Promise<T> {
  const [ns, method] = channel.split('.');
  const result = (await window.evaluate(
    ([n, m, i]) => (window as unknown as Record<string, Record<string, (x: unknown) => Promise<unknown>>>).hetao![n as string]![m as string]!(i),
    [ns, method, input] as const,
  )) as { ok: boolean; value?: T; error?: { code: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.code}`);
  return result.value as T;
}

async function quit(app: ElectronApplication): Promise<void> {
  const exited = new Promise((resolve) => app.process().once('exit', resolve));
  await app.evaluate(({ app: electronApp }) => electronApp.quit());
  await exited;
  running = null;
}

const action = (title: string) => ({ title, description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: '2026-12-31', priority: 'normal', clauses: [] });

describe('Hetao Desk in real Electron', () => {
  it('loads app://hetao/ under the Content-Security-Policy, and the bridge answers', async ({ skip }) => {
    if (skipped) return skip(skipped);
    const userData = await mkdtemp(path.join(tmpdir(), 'hetao-electron-'));
    const { window } = await launch(userData);
    expect(window.url()).toMatch(/^app:\/\/hetao\//);
    expect(await window.evaluate(() => { try { return String(eval('"eval ran"')); } catch { return 'refused'; } })).toBe('refused');
    const info = await call<{ dataFolder: string; logFile: string }>(window, 'app.info');
    expect(info.dataFolder).toBe(path.join(userData, 'data'));
    expect(info.logFile).toBe(path.join(userData, 'logs', 'main.log'));
  });

  it('keeps an action saved across a restart', async ({ skip }) => {
    if (skipped) return skip(skipped);
    const userData = await mkdtemp(path.join(tmpdir(), 'hetao-electron-'));
    let { app, window } = await launch(userData);
    const [group] = await call<Array<{ id: string }>>(window, 'subGroups.list');
    await call(window, 'actions.create', { subGroupId: group!.id, fields: action('確認深圳園區租約條款') });
    await quit(app);
    ({ app, window } = await launch(userData));
    const { rows } = await call<{ rows: Array<{ title: string }> }>(window, 'actions.list', { subGroupId: group!.id });
    expect(rows.map((r) => r.title)).toContain('確認深圳園區租約條款');
  });

  it('builds a meeting pack as a PDF with pages', async ({ skip }) => {
    if (skipped) return skip(skipped);
    const userData = await mkdtemp(path.join(tmpdir(), 'hetao-electron-'));
    const { app, window } = await launch(userData);
    const [group] = await call<Array<{ id: string }>>(window, 'subGroups.list');
    const meeting = await call<{ id: string }>(window, 'meetings.create', {
      subGroupId: group!.id,
      fields: { title: '', date: '2026-11-30', startTime: '14:30', endTime: '16:30', venue: 'HK', venueDetail: '', classification: 'restricted', attendance: [] },
      standardItems: ['confirmMinutes'],
    });
    const out = path.join(userData, 'pack.pdf');
    // The system save dialog, answered as a user would.
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, out);
    const { token } = await call<{ token: string }>(window, 'pack.prepare', { meetingId: meeting.id, scripts: 'hant' });
    const built = await call<{ files: Array<{ path: string; pageCount: number }> }>(window, 'pack.build', { meetingId: meeting.id, token, taskId: crypto.randomUUID() });
    expect(built.files[0]!.pageCount).toBeGreaterThan(1);
    expect((await readFile(built.files[0]!.path)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('asks before quitting with changes the disk refused, and the window stays when the user goes back', async ({ skip }) => {
    if (skipped) return skip(skipped);
    const userData = await mkdtemp(path.join(tmpdir(), 'hetao-electron-'));
    const { app, window } = await launch(userData);
    const [group] = await call<Array<{ id: string }>>(window, 'subGroups.list');
    // A file where the actions folder was: every write to it fails, even for an administrator.
    const actions = path.join(userData, 'data', 'collections', 'actions');
    await rename(actions, `${actions}-away`);
    await writeFile(actions, '');
    await call(window, 'actions.create', { subGroupId: group!.id, fields: action('未能寫入的事項') }).catch(() => undefined);
    await app.evaluate(({ dialog }) => {
      const asked: unknown[] = [];
      (globalThis as unknown as { asked: unknown[] }).asked = asked;
      dialog.showMessageBox = (async (...args: unknown[]) => {
        asked.push(args.at(-1));
        return { response: 1, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
    });
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as { asked: unknown[] }).asked.length)).toBe(1);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('focuses the running window when launched a second time', async ({ skip }) => {
    if (skipped) return skip(skipped);
    const userData = await mkdtemp(path.join(tmpdir(), 'hetao-electron-'));
    const { app } = await launch(userData);
    await app.evaluate(({ app: electronApp }) => {
      (globalThis as unknown as { secondLaunches: number }).secondLaunches = 0;
      electronApp.on('second-instance', () => (globalThis as unknown as { secondLaunches: number }).secondLaunches++);
    });
    const second = spawn((binary as { path: string }).path, ['.'], { env: { ...process.env, HETAO_USER_DATA: userData }, stdio: 'ignore' });
    expect(await new Promise((resolve) => second.once('exit', resolve))).toBe(0);
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as { secondLaunches: number }).secondLaunches)).toBe(1);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))).toEqual([true]);
  });
});
