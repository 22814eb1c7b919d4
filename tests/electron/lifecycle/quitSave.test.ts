import { describe, expect, it } from 'vitest';
import { createQuitGuard, type UnsavedChoice } from '../../../electron/lifecycle/quitGuard';
import { openTestBackend, appFrame } from '../../support/testBackend';
import { TestFs } from '../store/helpers';

const contact = { name: '陳家豪', title: '', organisation: '', side: 'HK', email: '', phone: '', memberships: [] };

describe('quitting with changes the disk refused', () => {
  it('writes them when the disk is back and the user retries: closing the backend again really saves', async () => {
    const testFs = new TestFs();
    const { backend, dataDir } = await openTestBackend({ fs: testFs.fs });
    testFs.failOpen = 'EROFS';
    const created = await backend.dispatch('contacts.create', contact, appFrame);
    expect(created).toMatchObject({ ok: false, error: { code: 'disk.readOnly' } });
    await expect(backend.close()).rejects.toMatchObject({ code: 'disk.readOnly' });

    testFs.failOpen = null;
    await backend.close();
    const reopened = await openTestBackend({ dataDir });
    const listed = (await reopened.backend.dispatch('contacts.list', { includeDeleted: false }, appFrame)) as { ok: true; value: Array<{ name: string }> };
    expect(listed.value.map((c) => c.name)).toContain('陳家豪');
    await reopened.backend.close();
  });
});

/** A host whose saves fail as often as told, recording what the guard did. */
function host(failures: number, choice: UnsavedChoice) {
  const done: string[] = [];
  let left = failures;
  return {
    done,
    save: async () => {
      done.push('save');
      if (left-- > 0) throw Object.assign(new Error('disk.readOnly'), { code: 'disk.readOnly' });
    },
    ask: async () => {
      done.push('ask');
      return choice;
    },
    showWindow: () => done.push('showWindow'),
    quit: () => done.push('quit'),
  };
}

async function quitWith(h: ReturnType<typeof host>) {
  const guard = createQuitGuard(h);
  const event = { prevented: false, preventDefault() { this.prevented = true; } };
  guard(event);
  await new Promise((resolve) => setTimeout(resolve, 0));
  // The guard's own app.quit() goes through before-quit again and must pass.
  const again = { prevented: false, preventDefault() { this.prevented = true; } };
  if (h.done.at(-1) === 'quit') guard(again);
  return { held: event.prevented, heldAgain: again.prevented };
}

describe('the quit guard', () => {
  it('quits once everything is written', async () => {
    const h = host(0, 'retry');
    expect(await quitWith(h)).toEqual({ held: true, heldAgain: false });
    expect(h.done).toEqual(['save', 'quit']);
  });

  it('“Retry saving” writes again and quits when that works', async () => {
    const h = host(1, 'retry');
    await quitWith(h);
    expect(h.done).toEqual(['save', 'ask', 'save', 'quit']);
  });

  it('brings the window back when the retry fails too, so no process is left without one', async () => {
    const h = host(2, 'retry');
    await quitWith(h);
    expect(h.done).toEqual(['save', 'ask', 'save', 'showWindow']);
  });

  it('“Back to Hetao Desk” brings the window back without quitting', async () => {
    const h = host(1, 'back');
    await quitWith(h);
    expect(h.done).toEqual(['save', 'ask', 'showWindow']);
  });

  it('quits without writing only when the user chooses to lose the changes', async () => {
    const h = host(1, 'discard');
    expect(await quitWith(h)).toEqual({ held: true, heldAgain: false });
    expect(h.done).toEqual(['save', 'ask', 'quit']);
  });
});
