import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { QueuedDialogs } from '../../electron/dialogs/dialogs';
import type { Identity, OpenResult, PrepareResult } from '../../shared/exchange/types';
import type { HetaoApi } from '../../shared/ipc/contract';
import { unwrap } from '../../shared/ipc/errors';

/** One laptop as an exchange test drives it: its API and the stand-in for its file dialogs. */
export interface Laptop {
  api: HetaoApi;
  dialogs: QueuedDialogs;
}

export const hongKong = {
  side: 'HK' as const,
  office: { hant: '香港秘書處', hans: '香港秘书处', en: 'Hong Kong Secretariat' },
  device: '秘書處手提電腦 1',
  officer: { name: '陳大文', organisation: '創新科技及工業局' },
};

export const shenzhen = {
  side: 'SZ' as const,
  office: { hant: '深圳市科技創新局', hans: '深圳市科技创新局', en: 'Shenzhen Science and Technology Innovation Bureau' },
  device: '科创局笔记本 1',
  officer: { name: '李明', organisation: '深圳市科技创新局' },
};

export type Office = typeof hongKong | typeof shenzhen;

/** A folder for the files a test carries between laptops (cards, packages). */
export const carrierFolder = () => mkdtemp(path.join(tmpdir(), 'hetao-exchange-carry-'));

/** The officer as a contact, then the identity: what a person does once on a new laptop. */
export async function setUpLaptop(laptop: Laptop, office: Office): Promise<Identity> {
  const officer = await unwrap(
    laptop.api.contacts.create({ ...office.officer, title: '', side: office.side, email: '', phone: '', memberships: [] }),
  );
  return unwrap(laptop.api.exchange.setUpIdentity({ side: office.side, office: office.office, device: office.device, officerContactId: officer.id }));
}

/** Saves the laptop's contact card into `folder` (through its save dialog) and returns the file. */
export async function exportCard(laptop: Laptop, folder: string, name: string): Promise<string> {
  const file = path.join(folder, `${name}.hetaocard`);
  laptop.dialogs.answerNextSave(file);
  const saved = await unwrap(laptop.api.exchange.exportCard());
  if (!saved) throw new Error('the card was not saved');
  return saved.path;
}

/** Reads a card through the open dialog and adds it, as a person does after comparing the fingerprint. */
export async function enrol(laptop: Laptop, cardFile: string): Promise<string> {
  laptop.dialogs.answerNextOpen(cardFile);
  const card = await unwrap(laptop.api.exchange.readCard());
  if (!card) throw new Error('the card was not read');
  return (await unwrap(laptop.api.exchange.addPeer({ token: card.token, fingerprintConfirmed: true }))).id;
}

/** Two laptops set up and enrolled with each other; returns each one's peer id for the other. */
export async function pairLaptops(a: Laptop, officeA: Office, b: Laptop, officeB: Office): Promise<{ bOnA: string; aOnB: string }> {
  const folder = await carrierFolder();
  await setUpLaptop(a, officeA);
  await setUpLaptop(b, officeB);
  const cardA = await exportCard(a, folder, 'a');
  const cardB = await exportCard(b, folder, 'b');
  return { bOnA: await enrol(a, cardB), aOnB: await enrol(b, cardA) };
}

/** Prepares a package for `peerId` into `folder` through the save dialog. */
export async function prepareFor(laptop: Laptop, peerId: string, folder: string): Promise<PrepareResult> {
  laptop.dialogs.answerNextSave(path.join(folder, `${crypto.randomUUID()}.hetao`));
  const prepared = await unwrap(laptop.api.exchange.prepare({ peerIds: [peerId], toFolder: false }));
  if (!prepared) throw new Error('the package was not prepared');
  return prepared;
}

/** Opens a package file through the open dialog. */
export async function openPackage(laptop: Laptop, file: string): Promise<OpenResult> {
  laptop.dialogs.answerNextOpen(file);
  const opened = await unwrap(laptop.api.exchange.open({ source: { kind: 'choose' } }));
  if (!opened) throw new Error('the package was not opened');
  return opened;
}

/** Carries everything `from` has for `peerId` over to `to`. */
export async function carry(from: Laptop, peerId: string, to: Laptop, folder: string): Promise<OpenResult> {
  return openPackage(to, (await prepareFor(from, peerId, folder)).path);
}
