import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportDone, ExportPlan, ExportRequest } from '../../../shared/documents/exportRequest';
import type { StoreFs } from '../../../electron/store/storeFs';
import { QueuedDialogs } from '../../../electron/dialogs/dialogs';
import { useTestBackend, type TestSession } from '../../support/testBackend';

const open = useTestBackend();
const request: ExportRequest = { target: { kind: 'contacts' }, format: 'xlsx', scripts: 'hant' };

async function exportTo(app: TestSession, file: string): Promise<ExportDone> {
  app.dialogs.answerNextSave(file);
  const plan = (await app.value<ExportPlan | null>('exports.prepare', request))!;
  return app.value<ExportDone>('exports.write', { token: plan.token, replace: false, taskId: randomUUID() });
}

/** The folder the save dialog opened in, for the last export asked for. */
const lastSuggestedFolder = (dialogs: QueuedDialogs) => path.dirname(dialogs.saved.at(-1)!);

describe('the export folder', () => {
  it('is remembered across a restart, so the save dialog opens where the last export went', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'hetao-lastfolder-'));
    const first = await open();
    await exportTo(first, path.join(out, '通訊錄.xlsx'));
    // The first export knows no folder yet: the dialog gets a bare file name.
    expect(first.dialogs.saved[0]).not.toContain(path.sep);
    await first.backend.close();

    const again = await open({ dataDir: first.dataDir });
    again.dialogs.answerNextSave(null);
    expect(await again.value('exports.prepare', request)).toBeNull();
    expect(lastSuggestedFolder(again.dialogs)).toBe(out);
  });

  it('is not changed by a folder that refused the files', async () => {
    const good = await mkdtemp(path.join(tmpdir(), 'hetao-lastfolder-'));
    const readOnly = await mkdtemp(path.join(tmpdir(), 'hetao-lastfolder-ro-'));
    // root ignores permissions, so the refusal a read-only volume gives is simulated for that folder only.
    const refusing: StoreFs = {
      ...fsp,
      open: ((file: string, flags?: string) =>
        path.dirname(file) === readOnly ? Promise.reject(Object.assign(new Error('EROFS'), { code: 'EROFS' })) : fsp.open(file, flags)) as StoreFs['open'],
    };
    const app = await open({ fs: refusing });
    await exportTo(app, path.join(good, '通訊錄.xlsx'));
    app.dialogs.answerNextSave(path.join(readOnly, '通訊錄.xlsx'));
    const plan = (await app.value<ExportPlan>('exports.prepare', request))!;
    const refused = await app.call('exports.write', { token: plan.token, replace: false, taskId: randomUUID() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'export.readOnly' } });

    app.dialogs.answerNextSave(null);
    await app.value('exports.prepare', request);
    expect(lastSuggestedFolder(app.dialogs)).toBe(good);
  });
});
