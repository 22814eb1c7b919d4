import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackend, type Backend } from '../../../electron/backend/openBackend';
import { QueuedDialogs } from '../../../electron/dialogs/dialogs';
import type { CardPreview, Identity, OpenResult, PrepareResult } from '../../../shared/exchange/types';
import { APP_ORIGIN } from '../../../shared/security/contentSecurityPolicy';

const frame = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true };

/** One installation of the app on its data folder, as the exchange benchmark drives it. */
export interface Laptop {
  backend: Backend;
  dialogs: QueuedDialogs;
  value<T>(channel: string, input?: unknown): Promise<T>;
  identity: Identity;
}

/**
 * Opens the installation on `dataDir` (a Hong Kong laptop in 繁體, a Shenzhen one in 简体); a new one
 * is given an officer and an exchange identity for `side`. For the benchmark and the Syncthing check.
 */
export async function openLaptop(dataDir: string, side: 'HK' | 'SZ'): Promise<Laptop> {
  const dialogs = new QueuedDialogs();
  const systemLocale = side === 'HK' ? 'zh-HK' : 'zh-CN';
  const backend = await openBackend({ dataDir, appVersion: 'bench', systemLocale, appOrigin: APP_ORIGIN, openFolder: async () => undefined, dialogs });
  const value = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = await backend.dispatch(channel, input, frame);
    if (!result.ok) throw new Error(`${side} ${channel}: ${result.error.code}`);
    return result.value as T;
  };
  let identity = await value<Identity>('exchange.identity');
  if (!identity.configured) {
    const officer = await value<{ id: string }>('contacts.create', { name: `${side}官員`, title: '', organisation: '', side, email: '', phone: '', memberships: [] });
    const office =
      side === 'HK'
        ? { hant: '香港秘書處', hans: '香港秘书处', en: 'Hong Kong Secretariat' }
        : { hant: '深圳秘書處', hans: '深圳秘书处', en: 'Shenzhen Secretariat' };
    identity = await value<Identity>('exchange.setUpIdentity', { side, office, device: side, officerContactId: officer.id });
  }
  return { backend, dialogs, value, identity };
}

/** `a` enrols `b` from the card `b` exports, its fingerprint taken as confirmed. */
export async function enrol(a: Laptop, b: Laptop, dir: string): Promise<void> {
  const file = path.join(dir, `${randomUUID()}.hetaocard`);
  b.dialogs.answerNextSave(file);
  await b.value('exchange.exportCard');
  a.dialogs.answerNextOpen(file);
  const preview = await a.value<CardPreview>('exchange.readCard');
  await a.value('exchange.addPeer', { token: preview.token, fingerprintConfirmed: true });
}

export function prepareFor(from: Laptop, peerId: string, folder: string): Promise<PrepareResult> {
  from.dialogs.answerNextSave(path.join(folder, `${randomUUID()}.hetao`));
  return from.value<PrepareResult>('exchange.prepare', { peerIds: [peerId], toFolder: false });
}

export function openIn(to: Laptop, file: string): Promise<OpenResult> {
  to.dialogs.answerNextOpen(file);
  return to.value<OpenResult>('exchange.open', { source: { kind: 'choose' } });
}

/** Runs `work` while sampling the resident set size; returns its time and the highest RSS seen. */
export async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, peakMb: Math.max(peak, process.memoryUsage().rss) / 1_000_000 };
  } finally {
    clearInterval(timer);
  }
}
