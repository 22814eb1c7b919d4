import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/model/contact';
import type { Meeting } from '../../../shared/model/meeting';
import { seedWorkbench } from '../../e2e/a11y/a11ySeed';
import { cheapKdf, turnOnEncryption } from '../../support/encryption';
import { filesHolding } from '../../support/filesHolding';
import { useTestBackend } from '../../support/testBackend';

const openSession = useTestBackend();
const PASSPHRASE = '河套 深港 2026';
const CJK = /[\u3400-\u9fff]/;

/**
 * Every piece of text the records of a plain folder hold, as canaries: each string of four or more
 * characters with Chinese in it, and every e-mail address, from every record file of every collection.
 */
async function textsOfRecords(dataDir: string): Promise<string[]> {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if ((value.length >= 4 && CJK.test(value)) || /^[^@\s]+@[^@\s]+$/.test(value)) found.add(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  const folder = path.join(dataDir, 'collections');
  for (const name of await fsp.readdir(folder, { recursive: true })) {
    if (!String(name).endsWith('.json')) continue;
    walk(JSON.parse(await fsp.readFile(path.join(folder, String(name)), 'utf8')));
  }
  return [...found];
}

describe('a copied encrypted folder', () => {
  it('holds none of the text of any record, in any file, after a working session with save points, papers and a lock', async () => {
    // A folder as officials have it a few months in: meetings with papers and minutes, actions in every
    // state, contacts, registers, the arrangement's measures and the glossary; then encrypted.
    const seeded = await seedWorkbench('zh-HK');
    const plain = await openSession({ dataDir: seeded.dataDir, kdf: cheapKdf() });
    // And a hundred more contacts and actions, so that shards fill and save points hold them too.
    const [subGroup] = await plain.value<Array<{ id: string }>>('subGroups.list');
    for (let n = 0; n < 100; n++) {
      await plain.value('contacts.create', {
        name: `金絲雀聯絡人${n}號`, title: `金絲雀職銜${n}號`, organisation: `金絲雀機構${n}號`, side: n % 2 ? 'SZ' : 'HK', email: `canary${n}@example.hk`, phone: '', memberships: [],
      });
      const action = await plain.value<{ id: string }>('actions.create', {
        subGroupId: subGroup!.id,
        fields: { title: `金絲雀事項${n}號`, description: `金絲雀說明${n}號`, ownerSide: 'HK', leads: [], officerIds: [], dueDate: null, priority: 'normal', clauses: [] },
      });
      await plain.value('actions.addProgress', { id: action.id, note: `金絲雀進展${n}號`, status: null, byContactId: null });
    }
    await plain.backend.close();
    const canaries = await textsOfRecords(seeded.dataDir);
    expect(canaries.length).toBeGreaterThanOrEqual(1000);
    expect((await fsp.readdir(path.join(seeded.dataDir, 'collections'))).length).toBeGreaterThanOrEqual(10);
    // The scan finds them while the folder is plain.
    expect((await filesHolding(seeded.dataDir, canaries)).length).toBeGreaterThanOrEqual(canaries.length);

    const session = await openSession({ dataDir: seeded.dataDir, kdf: cheapKdf() });
    await turnOnEncryption(session, PASSPHRASE);
    // A session after it: new text in a contact, a meeting's minutes and a paper, a lock and an unlock.
    const later = ['稍後新增-金絲雀聯絡人', 'later.canary@example.hk', '稍後會議紀錄-金絲雀內容'];
    const contact = await session.value<Contact>('contacts.create', { name: later[0], title: '', organisation: '', side: 'HK', email: later[1], phone: '', memberships: [] });
    expect(contact.name).toBe(later[0]);
    const [meeting] = (await session.value<Array<{ id: string }>>('meetings.list', { subGroupId: null })).concat(
      ...(await Promise.all(
        (await session.value<Array<{ id: string }>>('subGroups.list')).map((g) => session.value<Array<{ id: string }>>('meetings.list', { subGroupId: g.id })),
      )),
    );
    const full = await session.value<Meeting>('meetings.get', { id: meeting!.id });
    const item = full.agenda[0]!;
    await session.value('meetings.saveItem', { id: full.id, revision: full.revision, itemId: item.id, item: { title: item.title, standard: item.standard, presenterId: item.presenterId, minutes: later[2], decisions: item.decisions } });
    await session.value('lock.lockNow', { discardUnsaved: false });
    await session.value('lock.unlockWithPassphrase', { passphrase: PASSPHRASE });
    await session.backend.close();

    expect(await filesHolding(seeded.dataDir, [...canaries, ...later])).toEqual([]);
  });
});
