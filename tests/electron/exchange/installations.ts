import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach } from 'vitest';
import type { BackendOptions } from '../../../electron/backend/openBackend';
import type { CardPreview, Identity, OpenResult, Peer, PrepareResult } from '../../../shared/exchange/types';
import type { Contact } from '../../../shared/model/contact';
import { appFrame, openTestBackend, type TestBackend } from '../../support/testBackend';

/** One laptop in an exchange test: a real backend on its own temp folder. */
export interface Installation extends TestBackend {
  name: string;
  identity: Identity;
  call<T>(channel: string, input?: unknown): Promise<import('../../../shared/ipc/errors').Result<T>>;
  value<T>(channel: string, input?: unknown): Promise<T>;
  /** Writes its contact card into `dir` and returns the path. */
  card(dir: string): Promise<string>;
  /** Reads another's card and adds it after "confirming" the fingerprint. */
  enrol(other: Installation, dir: string): Promise<Peer>;
  /** Prepares a package for the peers into `dir` (through the save dialog). */
  prepareFor(peers: Installation[], dir: string): Promise<PrepareResult>;
  /** Opens the package file through the open dialog. */
  openPackage(file: string): Promise<OpenResult>;
  /** The error code opening a file is refused with. */
  refusal(file: string): Promise<string>;
}

const offices = {
  HK: { hant: '香港秘書處', hans: '香港秘书处', en: 'Hong Kong Secretariat' },
  SZ: { hant: '深圳秘書處', hans: '深圳秘书处', en: 'Shenzhen Secretariat' },
};

/**
 * Opens laptops for one test and closes (and removes) them all after it. Each gets an officer
 * contact and its identity set up, as a person would at first run.
 */
export function useInstallations(): {
  open(name: string, side: 'HK' | 'SZ', options?: Partial<BackendOptions>): Promise<Installation>;
  tempDir(): Promise<string>;
} {
  const opened: Installation[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const installation of opened.splice(0)) await installation.backend.close();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hetao-exchange-'));
    dirs.push(dir);
    return dir;
  };
  const open = async (name: string, side: 'HK' | 'SZ', options: Partial<BackendOptions> = {}): Promise<Installation> => {
    const dataDir = options.dataDir ?? (await tempDir());
    const test = await openTestBackend({ ...options, dataDir });
    const call = async <T>(channel: string, input?: unknown) => (await test.backend.dispatch(channel, input, appFrame)) as import('../../../shared/ipc/errors').Result<T>;
    const value = async <T>(channel: string, input?: unknown) => {
      const result = await call<T>(channel, input);
      if (!result.ok) throw Object.assign(new Error(`${name} ${channel}: ${result.error.code}`), { value: result.error });
      return result.value;
    };
    let identity = await value<Identity>('exchange.identity');
    if (!identity.configured) {
      const officer = await value<Contact>('contacts.create', {
        name: side === 'HK' ? `陳${name}` : `李${name}`,
        title: '',
        organisation: '',
        side,
        email: '',
        phone: '',
        memberships: [],
      });
      identity = await value<Identity>('exchange.setUpIdentity', { side, office: offices[side], device: `${name}-laptop`, officerContactId: officer.id });
    }
    const installation: Installation = {
      ...test,
      name,
      identity,
      call,
      value,
      async card(dir) {
        const file = path.join(dir, `${name}.hetaocard`);
        test.dialogs.answerNextSave(file);
        await value('exchange.exportCard');
        return file;
      },
      async enrol(other, dir) {
        test.dialogs.answerNextOpen(await other.card(dir));
        const preview = await value<CardPreview>('exchange.readCard');
        return value<Peer>('exchange.addPeer', { token: preview.token, fingerprintConfirmed: true });
      },
      async prepareFor(peers, dir) {
        test.dialogs.answerNextSave(path.join(dir, `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}.hetao`));
        return value<PrepareResult>('exchange.prepare', { peerIds: peers.map((p) => p.identity.id), toFolder: false });
      },
      async openPackage(file) {
        test.dialogs.answerNextOpen(file);
        return value<OpenResult>('exchange.open', { source: { kind: 'choose' } });
      },
      async refusal(file) {
        test.dialogs.answerNextOpen(file);
        const result = await call('exchange.open', { source: { kind: 'choose' } });
        if (result.ok) throw new Error(`${name} opened ${file}`);
        return result.error.code;
      },
    };
    opened.push(installation);
    return installation;
  };
  return { open, tempDir };
}

/** Enrols every pair of laptops with each other. */
export async function enrolAll(list: Installation[], dir: string): Promise<void> {
  for (const a of list) for (const b of list) if (a !== b) await a.enrol(b, dir);
}
