import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/ipc/errors';
import type { LockStatus } from '../../../shared/lock/contract';
import type { Contact } from '../../../shared/model/contact';
import type { Meeting } from '../../../shared/model/meeting';
import type { AuditPage } from '../../../shared/audit/contract';
import type { AuditVerification } from '../../../shared/audit/verification';
import type { SubGroup } from '../../../shared/model/subGroup';
import { useTestBackend, type TestSession } from '../../support/testBackend';
import { TestFs } from '../store/helpers';
import { filesHolding } from '../../support/filesHolding';
import { cheapKdf, memoryKeystore, turnOnEncryption } from '../../support/encryption';

const openSession = useTestBackend();
const PASSPHRASE = '河套 深港 2026';

let clock = new Date('2026-12-02T09:00:00Z');
const now = () => clock;

const person = (name: string, email: string) => ({ name, title: '', organisation: '', side: 'HK', email, phone: '', memberships: [] });

function errorOf(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

const turnOn = (session: TestSession, passphrase = PASSPHRASE) => turnOnEncryption(session, passphrase);

async function start(dataDir?: string, testFs?: TestFs) {
  return openSession({ now, kdf: cheapKdf(), ...(dataDir ? { dataDir } : {}), ...(testFs ? { fs: testFs.fs } : {}) });
}

describe('the backend of an encrypted data folder', () => {
  it('a plain folder opens as before and says it is not encrypted; locking it is refused', async () => {
    clock = new Date('2026-12-02T09:00:00Z');
    const session = await start();
    expect(await session.value<LockStatus>('lock.status')).toMatchObject({ encrypted: false, locked: false, idleMinutes: 15 });
    expect(errorOf(await session.call('lock.lockNow', { discardUnsaved: false }))).toBe('vault.notEncrypted');
    expect((await session.value<SubGroup[]>('subGroups.list')).length).toBeGreaterThan(0);
  });

  it('turning encryption on asks for the recovery key to be typed back, and keeps every record', async () => {
    clock = new Date('2026-12-02T09:00:00Z');
    const session = await start();
    const chan = await session.value<Contact>('contacts.create', person('陳大文', 'chan@example.hk'));
    await session.value('lock.prepareEncryption');
    const refused = await session.call('lock.turnOn', { passphrase: PASSPHRASE, typedGroups: ['AAAA', 'BBBB'], taskId: randomUUID() });
    expect(errorOf(refused)).toBe('vault.recoveryNotConfirmed');
    expect(errorOf(await session.call('lock.turnOn', { passphrase: 'short', typedGroups: [], taskId: randomUUID() }))).toBe('ipc.invalidArguments');

    await turnOn(session);
    expect(await session.value<LockStatus>('lock.status')).toMatchObject({ encrypted: true, locked: false });
    expect((await session.value<Contact[]>('contacts.list', { includeDeleted: false })).map((c) => c.id)).toContain(chan.id);
    expect(errorOf(await session.call('lock.prepareEncryption'))).toBe('vault.alreadyEncrypted');
  });

  it('while locked refuses every call but the lock screen’s, and unlocking with the passphrase opens the data', async () => {
    clock = new Date('2026-12-02T09:00:00Z');
    const session = await start();
    const chan = await session.value<Contact>('contacts.create', person('陳大文', 'chan@example.hk'));
    await turnOn(session);
    expect(await session.value<LockStatus>('lock.lockNow', { discardUnsaved: false })).toMatchObject({ locked: true });

    for (const [channel, input] of [
      ['contacts.list', { includeDeleted: false }],
      ['app.info', undefined],
      ['settings.get', undefined],
      ['store.saveStatus', undefined],
    ] as const) {
      expect(errorOf(await session.call(channel, input)), channel).toBe('vault.locked');
    }
    // The sender and the arguments are still checked for the calls that are answered.
    const fromElsewhere = await session.backend.dispatch('lock.status', undefined, { url: 'https://example.org/', isMainFrame: true });
    expect(errorOf(fromElsewhere)).toBe('ipc.untrustedSender');
    expect(errorOf(await session.call('lock.unlockWithPassphrase', { passphrase: 42 }))).toBe('ipc.invalidArguments');

    expect(await session.value<LockStatus>('lock.unlockWithPassphrase', { passphrase: PASSPHRASE })).toMatchObject({ locked: false });
    expect((await session.value<Contact[]>('contacts.list', { includeDeleted: false })).map((c) => c.name)).toContain(chan.name);
  });

  it('quick unlock: turned on where the keystore is safe, never the only way in, refused on a plain-text keystore', async () => {
    clock = new Date('2026-12-02T09:00:00Z');
    const system = memoryKeystore();
    const session = await openSession({ now, kdf: cheapKdf(), keystore: system.keystore });
    await session.value('contacts.create', person('陳大文', 'chan@example.hk'));
    await turnOn(session);
    expect((await session.value<LockStatus>('lock.status')).quickUnlock).toBe('off');
    expect((await session.value<LockStatus>('lock.setQuickUnlock', { on: true })).quickUnlock).toBe('on');
    // The keyring holds only what the keystore returned, never the data key.
    expect(await fsp.readFile(path.join(session.dataDir, 'keyring.json'), 'utf8')).toContain('osKeystore');

    await session.value('lock.lockNow', { discardUnsaved: false });
    expect(errorOf(await session.call('lock.setQuickUnlock', { on: false }))).toBe('vault.locked');
    expect(await session.value<LockStatus>('lock.unlockQuick')).toMatchObject({ locked: false, quickUnlock: 'on' });
    expect((await session.value<Contact[]>('contacts.list', { includeDeleted: false })).map((c) => c.name)).toContain('陳大文');

    // A new login (or a reinstalled keychain): quick unlock fails with a way forward, and costs no attempt.
    await session.value('lock.lockNow', { discardUnsaved: false });
    system.newLogin();
    for (let i = 0; i < 4; i++) expect(errorOf(await session.call('lock.unlockQuick'))).toBe('vault.quickUnlockUnavailable');
    expect((await session.value<LockStatus>('lock.status')).retryAt).toBeNull();
    await session.value('lock.unlockWithPassphrase', { passphrase: PASSPHRASE });

    // Turned off, it is gone; on a keystore that keeps keys in plain text it cannot be turned on.
    expect((await session.value<LockStatus>('lock.setQuickUnlock', { on: false })).quickUnlock).toBe('off');
    system.backend = 'plainText';
    expect((await session.value<LockStatus>('lock.status')).quickUnlock).toBe('plainText');
    expect(errorOf(await session.call('lock.setQuickUnlock', { on: true }))).toBe('vault.quickUnlockPlainText');
    await session.value('lock.lockNow', { discardUnsaved: false });
    expect(errorOf(await session.call('lock.unlockQuick'))).toBe('vault.noQuickUnlock');
  });

  it('the audit trail is sealed line by line: entries from before and after still list and verify, a changed line is named', async () => {
    clock = new Date('2026-12-02T09:00:00Z');
    const session = await start();
    await session.value('contacts.create', person('審計前聯絡人', 'before@example.hk'));
    const logFile = path.join(session.dataDir, 'audit', 'log.jsonl');
    const plainLines = (await fsp.readFile(logFile, 'utf8')).trim().split('\n');
    expect(plainLines[0]).toMatch(/^\{/);
    await turnOn(session);
    await session.value('contacts.create', person('審計後聯絡人', 'after@example.hk'));
    const page = () => session.value<AuditPage>('audit.list', { filter: { officer: null, kinds: [], recordId: null, document: null, from: null, to: null }, offset: 0, limit: 1000 });
    const listed = await page();
    expect(listed.total).toBeGreaterThan(plainLines.length);
    expect(listed.entries.map((e) => e.kind)).toContain('record.created');
    expect(await session.value<AuditVerification>('audit.verify')).toMatchObject({ ok: true, entries: listed.total });

    // On disk every line is sealed, those written before encryption too; nothing of them reads as JSON.
    const sealedLines = (await fsp.readFile(logFile, 'utf8')).trim().split('\n');
    expect(sealedLines).toHaveLength(listed.total);
    expect(sealedLines.every((line) => line.startsWith('~'))).toBe(true);
    expect(sealedLines.join('\n')).not.toContain('record.created');

    // A line changed on disk no longer opens: Verify names it.
    await session.backend.close();
    const changed = [...sealedLines];
    changed[1] = changed[1]!.slice(0, 40) + (changed[1]![40] === 'A' ? 'B' : 'A') + changed[1]!.slice(41);
    await fsp.writeFile(logFile, `${changed.join('\n')}\n`);
    const again = await start(session.dataDir);
    await again.value('lock.unlockWithPassphrase', { passphrase: PASSPHRASE });
    expect(await again.value<AuditVerification>('audit.verify')).toMatchObject({ ok: false, failure: { entry: 1 } });
  });

  it('a restarted app opens locked, reads nothing, and a recovery key as typed opens it', async () => {
    clock = new Date('2026-12-02T09:00:00Z');
    const first = await start();
    await first.value('contacts.create', person('李晓明', 'li@example.cn'));
    const recoveryKey = await turnOn(first);
    await first.backend.close();

    const again = await start(first.dataDir);
    expect(await again.value<LockStatus>('lock.status')).toMatchObject({ encrypted: true, locked: true, retryAt: null });
    expect(errorOf(await again.call('contacts.list', { includeDeleted: false }))).toBe('vault.locked');
    // A slip is caught by the check letters, and costs no attempt.
    const slip = recoveryKey.slice(0, -1) + (recoveryKey.endsWith('A') ? 'B' : 'A');
    expect(errorOf(await again.call('lock.unlockWithRecoveryKey', { recoveryKey: slip }))).toBe('vault.recoveryMistyped');
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect(await again.value<LockStatus>('lock.unlockWithRecoveryKey', { recoveryKey: typed })).toMatchObject({ locked: false });
    expect((await again.value<Contact[]>('contacts.list', { includeDeleted: false })).map((c) => c.name)).toContain('李晓明');
  });

  it('wrong passphrases back off, the wait is told and survives a restart, then the right one opens', async () => {
    clock = new Date('2026-12-02T09:00:00Z');
    const first = await start();
    await turnOn(first);
    await first.value('lock.lockNow', { discardUnsaved: false });
    const wrong = () => first.call('lock.unlockWithPassphrase', { passphrase: 'not the passphrase' });
    expect(errorOf(await wrong())).toBe('vault.wrongPassphrase');
    expect(errorOf(await wrong())).toBe('vault.wrongPassphrase');
    const third = await wrong();
    expect(third.ok ? null : third.error.params).toEqual({ seconds: 2 });
    expect((await first.value<LockStatus>('lock.status')).retryAt).toBe(clock.getTime() + 2000);
    await first.backend.close();

    const again = await start(first.dataDir);
    const early = await again.call('lock.unlockWithPassphrase', { passphrase: PASSPHRASE });
    expect(early.ok ? null : early.error).toEqual({ code: 'vault.tooSoon', params: { seconds: 2 } });
    clock = new Date(clock.getTime() + 2000);
    expect(await again.value<LockStatus>('lock.unlockWithPassphrase', { passphrase: PASSPHRASE })).toMatchObject({ locked: false, retryAt: null });
  });

  it('changing the passphrase needs the current one; the new one opens the folder afterwards, the old one not', async () => {
    clock = new Date('2026-12-02T09:00:00Z');
    const first = await start();
    await turnOn(first);
    expect(errorOf(await first.call('lock.changePassphrase', { current: 'guess', next: '新的密碼 2027' }))).toBe('vault.wrongPassphrase');
    await first.value('lock.changePassphrase', { current: PASSPHRASE, next: '新的密碼 2027' });
    await first.value('lock.setIdleMinutes', { minutes: 5 });
    await first.backend.close();

    const again = await start(first.dataDir);
    expect((await again.value<LockStatus>('lock.status')).idleMinutes).toBe(5);
    expect(errorOf(await again.call('lock.unlockWithPassphrase', { passphrase: PASSPHRASE }))).toBe('vault.wrongPassphrase');
    expect(await again.value<LockStatus>('lock.unlockWithPassphrase', { passphrase: '新的密碼 2027' })).toMatchObject({ locked: false });
  });

  it('locking with changes the disk refused keeps the data open and says why, unless the user discards them', async () => {
    clock = new Date('2026-12-02T09:00:00Z');
    const disk = new TestFs();
    const session = await start(undefined, disk);
    await turnOn(session);
    disk.failOpen = 'ENOSPC';
    // The edit stays in memory, and the window's banner says it is not on disk.
    expect(errorOf(await session.call('contacts.create', person('未寫入的聯絡人', '')))).toBe('disk.full');
    const pending = (await session.value<Contact[]>('contacts.list', { includeDeleted: false })).find((c) => c.name === '未寫入的聯絡人')!;
    const refused = await session.call('lock.lockNow', { discardUnsaved: false });
    expect(refused.ok ? null : refused.error).toEqual({ code: 'vault.unsavedChanges', params: { reason: 'disk.full' } });
    expect((await session.value<LockStatus>('lock.status')).locked).toBe(false);
    expect((await session.value<Contact[]>('contacts.list', { includeDeleted: false })).map((c) => c.id)).toContain(pending.id);

    // Retry once the disk has room: written, then locked; the contact is there after unlocking.
    disk.failOpen = null;
    expect((await session.value<LockStatus>('lock.lockNow', { discardUnsaved: false })).locked).toBe(true);
    await session.value('lock.unlockWithPassphrase', { passphrase: PASSPHRASE });
    expect((await session.value<Contact[]>('contacts.list', { includeDeleted: false })).map((c) => c.id)).toContain(pending.id);

    disk.failOpen = 'ENOSPC';
    expect(errorOf(await session.call('contacts.create', person('捨棄的聯絡人', '')))).toBe('disk.full');
    expect((await session.value<LockStatus>('lock.lockNow', { discardUnsaved: true })).locked).toBe(true);
    disk.failOpen = null;
    await session.value('lock.unlockWithPassphrase', { passphrase: PASSPHRASE });
    expect((await session.value<Contact[]>('contacts.list', { includeDeleted: false })).map((c) => c.name)).not.toContain('捨棄的聯絡人');
  });

  it('canary: after turning encryption on, no record text, e-mail, name or paper’s text is in any file of the folder, backups included', async () => {
    clock = new Date('2026-12-02T09:00:00Z');
    const session = await start();
    const canaries = ['金絲雀甲-陳', 'canary.one@example.hk', '金丝雀乙-李', 'canary.two@example.cn', '限閱金絲雀議題', 'CANARY-ACTION-DETAIL'];
    const hk = await session.value<Contact>('contacts.create', { ...person(canaries[0]!, canaries[1]!) });
    const sz = await session.value<Contact>('contacts.create', { ...person(canaries[2]!, canaries[3]!), side: 'SZ' });
    const [sp] = await session.value<SubGroup[]>('subGroups.list');
    const action = {
      title: canaries[4],
      description: canaries[5],
      ownerSide: 'joint',
      leads: [
        { side: 'HK', contactId: hk.id, status: 'notStarted' },
        { side: 'SZ', contactId: sz.id, status: 'notStarted' },
      ],
      officerIds: [hk.id, sz.id],
      dueDate: '2026-12-31',
      priority: 'high',
      clauses: [],
    };
    await session.value('actions.create', { subGroupId: sp!.id, fields: action });
    // A restricted paper on the agenda, its bytes holding a canary too.
    const paperCanary = '限閱文件內文-PAPER-CANARY';
    const papersDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hetao-canary-papers-'));
    const addPaper = async (meetingId: string, name: string, text: string) => {
      const file = path.join(papersDir, name);
      await fsp.writeFile(file, `%PDF-1.4\n${text}\n${'x'.repeat(300_000)}\n${text}\n%%EOF\n`);
      let meeting = await session.value<Meeting>('meetings.get', { id: meetingId });
      if (!meeting.agenda.length) {
        meeting = await session.value<Meeting>('meetings.saveItem', {
          id: meeting.id,
          revision: meeting.revision,
          itemId: null,
          item: { title: '租賃進度', standard: null, presenterId: null, minutes: '', decisions: [] },
        });
      }
      session.dialogs.answerNextOpen(file);
      return session.value<Meeting>('meetings.addPaper', { id: meeting.id, revision: meeting.revision, itemId: meeting.agenda[0]!.id, title: '' });
    };
    const meeting = await session.value<Meeting>('meetings.create', {
      subGroupId: sp!.id,
      fields: { title: '物業租賃安排', date: '2026-12-10', startTime: '14:30', endTime: '16:00', venue: 'SZ', venueDetail: '', classification: 'restricted', attendance: [] },
      standardItems: [],
    });
    await addPaper(meeting.id, '租約.pdf', paperCanary);
    // Save points of the plain records are taken an hour apart: make one before encrypting.
    clock = new Date(clock.getTime() + 3_600_000);
    await session.value('contacts.update', { id: hk.id, revision: hk.revision, contact: { ...person(canaries[0]!, canaries[1]!), title: '處長' } });
    expect(await filesHolding(session.dataDir, canaries)).not.toEqual([]);
    expect(await filesHolding(session.dataDir, [paperCanary])).not.toEqual([]);

    await turnOn(session);
    // A session of edits after it, a lock, an unlock and a quit with a last save point.
    const later = '金絲雀丙-稍後';
    clock = new Date(clock.getTime() + 3_600_000);
    await session.value('contacts.create', person(later, 'later.canary@example.hk'));
    const laterPaper = '稍後文件-LATER-PAPER-CANARY';
    await addPaper(meeting.id, '平面圖.pdf', laterPaper);
    await session.value('lock.lockNow', { discardUnsaved: false });
    await session.value('lock.unlockWithPassphrase', { passphrase: PASSPHRASE });
    // Both papers open after unlocking, as they were attached.
    expect((await session.value<Array<{ state: string }>>('meetings.checkPapers', { id: meeting.id })).map((p) => p.state)).toEqual(['ok', 'ok']);
    await session.backend.close();
    await fsp.rm(papersDir, { recursive: true });

    const files = await fsp.readdir(path.join(session.dataDir, 'backups'));
    expect(files.length).toBeGreaterThan(1);
    expect(await filesHolding(session.dataDir, [...canaries, later, 'later.canary@example.hk', paperCanary, laterPaper])).toEqual([]);
    // Every file the app had was sealed, none taken for damage and set aside (the exchange identity kept).
    const names = (await fsp.readdir(session.dataDir, { recursive: true })).map(String);
    expect(names.filter((name) => name.includes('damaged'))).toEqual([]);
  });
});
