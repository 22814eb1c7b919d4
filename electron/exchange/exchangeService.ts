import { localToday } from '../../shared/actions/dueDates';
import { nextActionReference, referenceSeries } from '../../shared/model/actionReference';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { displayPath, flatten, isEntryPath, SEP, unflatten, type Atoms } from '../../shared/exchange/atoms';
import { exchangedCollections, isExchanged } from '../../shared/exchange/collections';
import { covers, dominates, maxVv, type VersionVector } from '../../shared/exchange/dots';
import type { Stamped } from '../../shared/exchange/merge';
import { clashesToResolve, findClashes, numberedIn, type Clash } from '../../shared/exchange/numbers';
import { carriedVv, effectiveDot, Stamp, travelling, type HeldConflict } from '../../shared/exchange/stamps';
import type {
  CardPreview,
  Conflict,
  ConflictField,
  ExchangeLogEntry,
  FolderState,
  FoundPackage,
  Identity,
  IdentityFields,
  InstallationSummary,
  MarkedRecord,
  OpenResult,
  PackageCounts,
  Peer,
  PrepareResult,
  Renumbering,
  SettleChoice,
} from '../../shared/exchange/types';
import { AppError } from '../../shared/ipc/errors';
import type { CollectionName } from '../../shared/model/dataset';
import { SCHEMA_VERSION } from '../../shared/model/dataset';
import type { Language } from '../../shared/model/language';
import { toHans } from '../../shared/script/convert';
import type { AttachmentStore, IncomingPaper } from '../attachments/attachmentStore';
import type { AuditTrail } from '../audit/auditTrail';
import type { Dialogs } from '../dialogs/dialogs';
import type { Store } from '../store/store';
import type { ExchangeState, StoredPeer } from './exchangeState';
import { fingerprintOf, publicKeyOf, signBytes, verifyBytes } from './keys';
import { auditPartsFor, isAuditPart, parseAuditParts, receiveAuditParts } from './packageAudit';
import { checkManifest, PartHasher, PackageWriter, readBody, readHeader, unwrapFileKey, type BodyListener, type HeaderReading } from './packageFile';

export const PACKAGE_EXTENSION = 'hetao';
export const CARD_EXTENSION = 'hetaocard';
const MAX_CARD_BYTES = 64 * 1024;
const CARD_TOKEN_TTL_MS = 30 * 60 * 1000;

const ContactCard = z.object({
  format: z.literal('hetao-contact-card'),
  version: z.literal(1),
  card: z.object({
    id: z.uuid(),
    side: z.enum(['HK', 'SZ']),
    office: z.object({ hant: z.string().min(1).max(120), hans: z.string().min(1).max(120), en: z.string().max(160) }),
    device: z.string().max(120),
    officer: z.string().max(200),
  }),
  signingKey: z.string().max(200),
  receivingKey: z.string().max(200),
  /** The card signed with its own signing key: whoever made it holds the private half. */
  signature: z.string().max(200),
});
type ContactCard = z.infer<typeof ContactCard>;

/** What the signed manifest carries beyond the file's own checks. */
const Manifest = z.object({
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  senderCard: ContactCard.shape.card,
  /** What the sender knew each recipient to have: the package builds on it. */
  buildsOn: z.record(z.string(), z.record(z.string(), z.number())),
  /** Every write the sender holds: the recipient stores it as what the sender has. */
  senderVv: z.record(z.string(), z.number()),
  /** What the sender knows its other peers to have. */
  acks: z.record(z.string(), z.record(z.string(), z.number())),
  counts: z.record(z.string(), z.number()),
});
type Manifest = z.infer<typeof Manifest>;

/** One record in a package: the record and the stamp it travels with (conflicts held and agreed values stay home). */
interface PackedRecord {
  r: Record<string, unknown>;
  s: Stamp;
}

export interface ExchangeServiceOptions {
  store: Store;
  state: ExchangeState;
  attachments: AttachmentStore;
  /** The audit trail whose checkpoints and countersignatures travel in the packages. */
  audit: AuditTrail;
  dialogs: Dialogs;
  language: () => Language;
  t: () => (key: string, params?: Record<string, unknown>) => string;
  now: () => Date;
  maxPackageBytes?: number;
  /** How long a file's size must stay the same before a scan offers it (a sync tool may still be writing). */
  settleMs?: number;
}

const recordsPart = (collection: string) => `records/${collection}`;
const attachmentPart = (sha256: string) => `attachments/${sha256}`;

/** Stops long work the person cancelled, before anything is written (or while a package file is being written, which is then removed). */
function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('exchange.cancelled');
}

/** A listener that stops reading a package's body once the person cancels. */
function cancellable(listener: BodyListener, signal: AbortSignal | undefined): BodyListener {
  if (!signal) return listener;
  return {
    partStart: (name, size) => {
      stopIfCancelled(signal);
      return listener.partStart(name, size);
    },
    partData: (data) => {
      stopIfCancelled(signal);
      return listener.partData(data);
    },
    partEnd: () => listener.partEnd(),
  };
}

function isAttachmentRef(value: unknown): value is { sha256: string; size: number; fileName: string } {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.sha256 === 'string' && /^[0-9a-f]{64}$/.test(v.sha256) && typeof v.size === 'number' && typeof v.fileName === 'string';
}

function attachmentsIn(value: unknown, out: Map<string, number>): void {
  if (isAttachmentRef(value)) out.set(value.sha256, value.size);
  else if (Array.isArray(value)) for (const item of value) attachmentsIn(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) attachmentsIn(item, out);
}

/** The package's id as a sync tool's copies keep it: `x.sync-conflict-….hetao` and `x (1).hetao` are the same package. */
function isPackageFile(name: string): boolean {
  return name.toLowerCase().endsWith(`.${PACKAGE_EXTENSION}`) && !name.startsWith('.');
}

/**
 * The exchange between installations (issue 16): identity and contact cards, peers, packages
 * prepared and opened, the exchange folder, the log, and the conflicts a person settles.
 */
export class ExchangeService {
  private readonly cards = new Map<string, { card: ContactCard; fingerprint: string; readAt: number }>();
  /** Sizes seen by the last scan, so a file still growing is left for the next. */
  private readonly seenSizes = new Map<string, { size: number; at: number }>();

  constructor(private readonly options: ExchangeServiceOptions) {}

  private get store(): Store {
    return this.options.store;
  }

  private get data() {
    return this.options.state.data;
  }

  // ── identity and peers ─────────────────────────────────────────────────────────────────

  identity(): Identity {
    const { identity } = this.data;
    return {
      id: identity.id,
      configured: identity.side !== null && identity.office !== null && identity.officerContactId !== null,
      side: identity.side,
      office: identity.office,
      device: identity.device,
      officerContactId: identity.officerContactId,
      fingerprint: fingerprintOf(identity.id, identity.signing.publicKey, identity.receiving.publicKey),
      createdAt: identity.createdAt,
    };
  }

  async setUpIdentity(fields: IdentityFields): Promise<Identity> {
    const officer = this.store.get('contacts', fields.officerContactId);
    if (!officer || officer.deletedAt) throw new AppError('record.notFound');
    Object.assign(this.data.identity, {
      side: fields.side,
      office: { hant: fields.office.hant.trim(), hans: fields.office.hans.trim(), en: fields.office.en.trim() },
      device: fields.device.trim(),
      officerContactId: fields.officerContactId,
    });
    await this.options.state.save();
    return this.identity();
  }

  private summary(): InstallationSummary {
    const { identity } = this.data;
    if (!identity.side || !identity.office || !identity.officerContactId) throw new AppError('exchange.notConfigured');
    const officer = this.store.get('contacts', identity.officerContactId);
    return { id: identity.id, side: identity.side, office: identity.office, device: identity.device, officer: officer?.name ?? '' };
  }

  /** The card as a file: names and public keys, signed with this installation's own key. */
  cardFile(): ContactCard {
    const card = this.summary();
    const { signing, receiving } = this.data.identity;
    const body = { card, signingKey: signing.publicKey, receivingKey: receiving.publicKey };
    return { format: 'hetao-contact-card', version: 1, ...body, signature: signBytes(signing.privateKey, Buffer.from(JSON.stringify(body), 'utf8')) };
  }

  async exportCard(): Promise<{ path: string } | null> {
    const card = this.cardFile();
    const t = this.options.t();
    const office = this.officeIn(card.card.office);
    const chosen = await this.options.dialogs.saveFile({
      title: t('exchangeDialogs.cardSaveTitle'),
      defaultPath: `${office}_${card.card.device || card.card.officer}.${CARD_EXTENSION}`,
      filters: [{ name: t('exchangeDialogs.cardFileType'), extensions: [CARD_EXTENSION] }],
    });
    if (chosen === null) return null;
    await writeFile(chosen, JSON.stringify(card, null, 2));
    return { path: chosen };
  }

  private officeIn(office: { hant: string; hans: string; en: string }): string {
    const language = this.options.language();
    return language === 'zh-Hans' ? office.hans : language === 'en' ? office.en || office.hant : office.hant;
  }

  async readCard(): Promise<CardPreview | null> {
    const t = this.options.t();
    const chosen = await this.options.dialogs.openFile({
      title: t('exchangeDialogs.cardOpenTitle'),
      filters: [{ name: t('exchangeDialogs.cardFileType'), extensions: [CARD_EXTENSION] }],
    });
    if (chosen === null) return null;
    return this.previewCard(chosen);
  }

  /** Reads and checks a card file without changing anything; the token adds it once the fingerprint is confirmed. */
  async previewCard(file: string): Promise<CardPreview> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.size > MAX_CARD_BYTES) throw new AppError('exchange.notCard');
    let parsed: ContactCard;
    try {
      parsed = ContactCard.parse(JSON.parse(await readFile(file, 'utf8')));
    } catch {
      throw new AppError('exchange.notCard');
    }
    const { signature, format: _format, version: _version, ...body } = parsed;
    if (!verifyBytes(parsed.signingKey, Buffer.from(JSON.stringify(body), 'utf8'), signature)) throw new AppError('exchange.notCard');
    if (parsed.card.id === this.data.identity.id) throw new AppError('exchange.ownCard');
    const known = this.data.peers.find((p) => p.id === parsed.card.id);
    if (known && (known.signingKey !== parsed.signingKey || known.receivingKey !== parsed.receivingKey)) throw new AppError('exchange.keysChanged');
    const fingerprint = fingerprintOf(parsed.card.id, parsed.signingKey, parsed.receivingKey);
    const token = randomUUID();
    this.cards.set(token, { card: parsed, fingerprint, readAt: this.options.now().getTime() });
    return { token, card: parsed.card, fingerprint, known: !known ? 'new' : known.retiredAt ? 'retired' : 'same' };
  }

  async addPeer(token: string): Promise<Peer> {
    const held = this.cards.get(token);
    if (!held || this.options.now().getTime() - held.readAt > CARD_TOKEN_TTL_MS) throw new AppError('exchange.cardExpired');
    this.cards.delete(token);
    const existing = this.data.peers.find((p) => p.id === held.card.card.id);
    if (existing) {
      // A retired peer comes back once its fingerprint is confirmed again (its keys are the same: readCard refuses others).
      if (existing.retiredAt) Object.assign(existing, { retiredAt: null, addedAt: this.options.now().toISOString() });
      Object.assign(existing, held.card.card);
    } else {
      this.data.peers.push({
        ...held.card.card,
        signingKey: held.card.signingKey,
        receivingKey: held.card.receivingKey,
        fingerprint: held.fingerprint,
        addedAt: this.options.now().toISOString(),
        retiredAt: null,
        lastSent: null,
        lastReceived: null,
      });
    }
    await this.options.state.save();
    return this.peerView(this.data.peers.find((p) => p.id === held.card.card.id)!);
  }

  peers(): Peer[] {
    const stamps = this.allStamps();
    return this.data.peers.map((p) => this.peerView(p, stamps));
  }

  async retirePeer(id: string): Promise<Peer> {
    const peer = this.peer(id);
    peer.retiredAt ??= this.options.now().toISOString();
    await this.options.state.save();
    return this.peerView(peer);
  }

  private peer(id: string): StoredPeer {
    const peer = this.data.peers.find((p) => p.id === id);
    if (!peer) throw new AppError('exchange.unknownPeer');
    return peer;
  }

  private allStamps(): Stamp[] {
    const out: Stamp[] = [];
    for (const collection of exchangedCollections) for (const { stamp } of this.store.allStamped(collection)) out.push(stamp);
    return out;
  }

  private peerView(peer: StoredPeer, stamps: Stamp[] = this.allStamps()): Peer {
    const ack = this.data.acks[peer.id] ?? {};
    const { signingKey: _s, receivingKey: _r, ...view } = peer;
    return { ...view, pendingRecords: stamps.filter((s) => !dominates(ack, carriedVv(s))).length };
  }

  // ── packages ───────────────────────────────────────────────────────────────────────────

  private fileName(office: string, day: string, n: number): string {
    const prefix = { 'zh-Hant': '一區兩園交換包', 'zh-Hans': '一区两园交换包', en: 'OneZoneTwoParks-exchange' }[this.options.language()];
    return `${prefix}_${office.replace(/[\\/:*?"<>|]/g, '-')}_${day}_${String(n).padStart(3, '0')}.${PACKAGE_EXTENSION}`;
  }

  async prepare(peerIds: readonly string[], toFolder: boolean, report?: (done: number, total: number) => void, signal?: AbortSignal): Promise<PrepareResult | null> {
    const me = this.summary();
    const peers = [...new Set(peerIds)].map((id) => this.peer(id));
    const retired = peers.find((p) => p.retiredAt);
    if (retired) throw new AppError('exchange.peerRetired');
    const now = this.options.now();
    const day = localToday(now);
    const count = this.data.preparedOn?.day === day ? this.data.preparedOn.count + 1 : 1;
    const fileName = this.fileName(this.officeIn(me.office), day, count);
    let target: string;
    const folder = this.data.folder;
    if (toFolder) {
      if (!folder) throw new AppError('exchange.noFolder');
      target = path.join(folder, fileName);
    } else {
      const t = this.options.t();
      const chosen = await this.options.dialogs.saveFile({
        title: t('exchangeDialogs.prepareSaveTitle'),
        defaultPath: fileName,
        filters: [{ name: t('exchangeDialogs.packageFileType'), extensions: [PACKAGE_EXTENSION] }],
      });
      if (chosen === null) return null;
      target = chosen;
    }
    const acks = peers.map((p) => this.data.acks[p.id] ?? {});
    const lacks = (vv: VersionVector) => acks.some((ack) => !dominates(ack, vv));
    const packageId = randomUUID();
    const writer = new PackageWriter(
      target,
      packageId,
      { id: me.id, signingKey: this.data.identity.signing.privateKey },
      peers.map((p) => ({ id: p.id, receivingKey: p.receivingKey })),
      now.toISOString(),
    );
    const counts: PackageCounts = {};
    const records = new Map<CollectionName, PackedRecord[]>();
    const attachments = new Map<string, number>();
    for (const collection of exchangedCollections) {
      const list: PackedRecord[] = [];
      for (const { record, stamp } of this.store.allStamped(collection)) {
        if (!lacks(carriedVv(stamp))) continue;
        list.push({ r: record, s: travelling(stamp) });
        if (record.deletedAt) counts.deletions = (counts.deletions ?? 0) + 1;
        // Files whose paper (or draft, or signed text) entry is newer than what a peer has.
        const atoms = flatten(collection, record, stamp.o);
        for (const [atomPath, value] of atoms) {
          const dot = effectiveDot(collection, stamp, atomPath);
          if (acks.some((ack) => !covers(ack, dot))) attachmentsIn(value, attachments);
        }
      }
      if (list.length) {
        records.set(collection, list);
        counts[collection] = list.length;
      }
    }
    const present: Array<[string, number]> = [];
    for (const [sha256, size] of attachments) if (await this.options.attachments.has(sha256, size)) present.push([sha256, size]);
    if (present.length) counts.attachments = present.length;
    const total = present.length + records.size + 1;
    let done = 0;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writer.start();
      // Files first, so a record never arrives before the paper it points at.
      for (const [sha256, size] of present) {
        stopIfCancelled(signal);
        await writer.addStream(attachmentPart(sha256), size, this.options.attachments.stream({ sha256, fileName: sha256 }));
        report?.(++done, total);
      }
      for (const [collection, list] of records) {
        stopIfCancelled(signal);
        await writer.addPart(recordsPart(collection), Buffer.from(list.map((item) => JSON.stringify(item)).join('\n'), 'utf8'));
        report?.(++done, total);
      }
      for (const [name, bytes] of await auditPartsFor(this.options.audit, peers.map((p) => p.id))) await writer.addPart(name, bytes);
      const manifest: Manifest = {
        schemaVersion: SCHEMA_VERSION,
        createdAt: now.toISOString(),
        senderCard: me,
        buildsOn: Object.fromEntries(peers.map((p, i) => [p.id, acks[i]!])),
        senderVv: this.store.globalVv(),
        acks: this.data.acks,
        counts,
      };
      stopIfCancelled(signal);
      await writer.finish(manifest);
      report?.(total, total);
    } catch (error) {
      await writer.abandon();
      throw error;
    }
    this.data.preparedOn = { day, count };
    for (const peer of peers) peer.lastSent = { at: now.toISOString(), fileName };
    this.log({ kind: 'prepared', packageId, fileName, peers: peers.map(({ id, side, office, device, officer }) => ({ id, side, office, device, officer })), counts, conflictsRaised: 0, renumbered: [], error: null });
    this.data.opened.push(packageId);
    await this.options.state.save();
    return { packageId, fileName, path: target, counts, inFolder: toFolder };
  }

  private log(entry: Omit<ExchangeLogEntry, 'id' | 'at'>): void {
    this.data.log.unshift({ id: randomUUID(), at: this.options.now().toISOString(), ...entry });
    if (this.data.log.length > 5000) this.data.log.length = 5000;
  }

  logEntries(): ExchangeLogEntry[] {
    return this.data.log;
  }

  async open(source: { kind: 'choose' } | { kind: 'found'; packageId: string }, report?: (done: number, total: number) => void, signal?: AbortSignal): Promise<OpenResult | null> {
    let file: string;
    if (source.kind === 'choose') {
      const t = this.options.t();
      const chosen = await this.options.dialogs.openFile({
        title: t('exchangeDialogs.openTitle'),
        filters: [{ name: t('exchangeDialogs.packageFileType'), extensions: [PACKAGE_EXTENSION] }],
      });
      if (chosen === null) return null;
      file = chosen;
    } else {
      const found = (await this.scan()).find((f) => f.packageId === source.packageId);
      if (!found || !this.data.folder) throw new AppError('exchange.packageGone');
      file = path.join(this.data.folder, found.fileName);
    }
    try {
      return await this.openFile(file, report, signal);
    } catch (error) {
      if (error instanceof AppError && error.code.startsWith('exchange.') && error.code !== 'exchange.cancelled') {
        this.log({ kind: 'refused', packageId: null, fileName: path.basename(file), peers: [], counts: {}, conflictsRaised: 0, renumbered: [], error: error.code });
        await this.options.state.save();
      }
      throw error;
    }
  }

  /**
   * Opens a package file: every check first (size, magic, format, addressed to us, a known and
   * active sender, every chunk's tag, the signed manifest and every part's hash), writing nothing;
   * then the files and records, merged; then numbers given twice. The same package again changes nothing.
   */
  async openFile(file: string, report?: (done: number, total: number) => void, signal?: AbortSignal): Promise<OpenResult> {
    stopIfCancelled(signal);
    const reading = await readHeader(file, this.options.maxPackageBytes);
    if (!reading.complete) throw new AppError('exchange.truncated');
    const { header } = reading;
    const me = this.data.identity;
    if (header.sender === me.id) throw new AppError('exchange.ownPackage');
    const sender = this.data.peers.find((p) => p.id === header.sender);
    if (!sender) {
      // Tell "not for us" before "unknown sender" when we are not a recipient at all.
      if (!header.recipients.some((r) => r.id === me.id)) throw new AppError('exchange.notForUs');
      throw new AppError('exchange.unknownSender');
    }
    const fileKey = unwrapFileKey(header, { id: me.id, receivingPrivateKey: me.receiving.privateKey });
    const hasher = new PartHasher();
    // The checks read the whole file and may be cancelled; the writing after them always finishes.
    const body = await readBody(file, reading, fileKey, cancellable(hasher, signal));
    const base = checkManifest(reading, body.manifest, body.signature, sender.signingKey, hasher.parts);
    const parsedManifest = Manifest.safeParse(base);
    if (!parsedManifest.success) throw new AppError('exchange.tampered');
    const manifest = parsedManifest.data;
    const alreadyOpened = this.data.opened.includes(header.packageId);
    if (sender.retiredAt && !alreadyOpened) throw new AppError('exchange.retiredSender', { office: this.officeIn(sender.office) });
    if (manifest.schemaVersion > SCHEMA_VERSION) throw new AppError('exchange.newerSchema');

    stopIfCancelled(signal);
    // Everything checked: now write.
    const expected = new Map(hasher.parts.map((p) => [p.name, p]));
    const applier = new PackageApplier(this.options.attachments, expected);
    await readBody(file, reading, fileKey, applier);
    const audit = parseAuditParts(applier.auditParts, me.id);
    const ackBefore = this.data.acks[sender.id] ?? {};
    const context = { packageId: header.packageId, now: this.options.now().toISOString() };
    let changedRecords = 0;
    let conflictsRaised = 0;
    const total = applier.records.size + 1;
    let done = 0;
    for (const [collection, list] of applier.records) {
      if (!isExchanged(collection)) continue;
      const outcomes = await this.store.applyRemote(collection, list, context);
      changedRecords += outcomes.length;
      conflictsRaised += outcomes.reduce((n, o) => n + o.raised.length, 0);
      report?.(++done, total);
    }
    const renumbered = await this.resolveNumbers();
    await receiveAuditParts(this.options.audit, sender.id, publicKeyOf(sender.signingKey), audit, alreadyOpened || dominates(ackBefore, manifest.senderVv));
    const at = this.options.now().toISOString();
    this.data.acks[sender.id] = maxVv(this.data.acks[sender.id] ?? {}, manifest.senderVv);
    for (const [peerId, vv] of Object.entries(manifest.acks)) {
      if (peerId !== me.id && this.data.peers.some((p) => p.id === peerId)) this.data.acks[peerId] = maxVv(this.data.acks[peerId] ?? {}, vv);
    }
    Object.assign(sender, manifest.senderCard.id === sender.id ? { ...manifest.senderCard } : {});
    sender.lastReceived = { at, fileName: path.basename(file) };
    if (!alreadyOpened) this.data.opened.push(header.packageId);
    const from: InstallationSummary = { id: sender.id, side: sender.side, office: sender.office, device: sender.device, officer: sender.officer };
    this.log({ kind: 'opened', packageId: header.packageId, fileName: path.basename(file), peers: [from], counts: manifest.counts, conflictsRaised, renumbered, error: null });
    await this.options.state.save();
    report?.(total, total);
    return { packageId: header.packageId, fileName: path.basename(file), from, counts: manifest.counts, changedRecords, conflictsRaised, renumbered, alreadyOpened };
  }

  /** Numbers given out twice: the clashes this installation caused get the next free number; the old one stays on the record. */
  async resolveNumbers(): Promise<Renumbering[]> {
    const out: Renumbering[] = [];
    for (let round = 0; round < 10; round++) {
      const numbered = (['actions', 'meetings'] as const).flatMap((c) => [...this.store.allStamped(c)].flatMap((s) => numberedIn(c, s)));
      const mine = clashesToResolve(findClashes(numbered), this.data.identity.id);
      if (!mine.length) break;
      for (const clash of mine) out.push(await this.renumber(clash));
    }
    return out;
  }

  private async renumber({ givesWay }: Clash): Promise<Renumbering> {
    const { collection, recordId, path: field } = givesWay;
    if (collection === 'actions') {
      const action = this.store.get('actions', recordId)!;
      const { code, year } = referenceSeries(action.reference)!;
      const series = this.store.list('actions', { includeDeleted: true }).filter((a) => a.subGroupId === action.subGroupId);
      const to = nextActionReference(code, year, series);
      await this.store.update('actions', recordId, (current) => ({ reference: to, formerReferences: [...(current.formerReferences ?? []), current.reference] }));
      return { collection, recordId, field, from: action.reference, to };
    }
    const meeting = this.store.get('meetings', recordId)!;
    const body = this.store.list('meetings', { includeDeleted: true }).filter((m) => m.subGroupId === meeting.subGroupId);
    if (field === 'number') {
      const to = Math.max(...body.map((m) => m.number)) + 1;
      await this.store.update('meetings', recordId, (current) => ({ number: to, formerNumbers: [...(current.formerNumbers ?? []), current.number] }));
      return { collection, recordId, field, from: String(meeting.number), to: String(to) };
    }
    const [, itemId, , paperId] = field.split(SEP);
    const paper = meeting.agenda.find((i) => i.id === itemId)!.papers.find((p) => p.id === paperId)!;
    const year = paper.number.year;
    const seq = Math.max(...body.flatMap((m) => m.agenda.flatMap((i) => i.papers.filter((p) => p.number.year === year).map((p) => p.number.seq)))) + 1;
    await this.store.update('meetings', recordId, (current) => ({
      agenda: current.agenda.map((i) =>
        i.id !== itemId ? i : { ...i, papers: i.papers.map((p) => (p.id !== paperId ? p : { ...p, number: { year, seq }, formerNumbers: [...(p.formerNumbers ?? []), p.number] })) },
      ),
    }));
    return { collection, recordId, field: displayPath(field), from: `${paper.number.seq}/${year}`, to: `${seq}/${year}` };
  }

  // ── the exchange folder ────────────────────────────────────────────────────────────────

  async folder(): Promise<FolderState> {
    return { path: this.data.folder, found: this.data.folder ? await this.scan() : [] };
  }

  async chooseFolder(): Promise<FolderState> {
    const chosen = await this.options.dialogs.chooseFolder({ title: this.options.t()('exchangeDialogs.folderChooseTitle') });
    if (chosen !== null) {
      this.data.folder = chosen;
      await this.options.state.save();
    }
    return this.folder();
  }

  async setFolder(folder: string | null): Promise<FolderState> {
    this.data.folder = folder;
    await this.options.state.save();
    return this.folder();
  }

  /**
   * The packages in the folder, one per package id (a sync tool's conflict copies and "x (1)" copies
   * are listed as copies of it). A file without its end mark, or whose size changed since the last
   * scan, is still being copied: it is left for the next scan.
   */
  async scan(): Promise<FoundPackage[]> {
    const folder = this.data.folder;
    if (!folder) return [];
    const names = (await readdir(folder).catch(() => [] as string[])).filter(isPackageFile).sort();
    const byId = new Map<string, FoundPackage>();
    const nowMs = this.options.now().getTime();
    const me = this.data.identity.id;
    for (const name of names) {
      const file = path.join(folder, name);
      let reading: HeaderReading;
      try {
        reading = await readHeader(file, this.options.maxPackageBytes);
      } catch {
        continue;
      }
      const seen = this.seenSizes.get(file);
      this.seenSizes.set(file, { size: reading.size, at: seen?.size === reading.size ? seen.at : nowMs });
      if (!reading.complete) continue;
      if (seen && seen.size !== reading.size) continue;
      const info = await stat(file);
      const { header } = reading;
      const existing = byId.get(header.packageId);
      if (existing) {
        existing.copies.push(name);
        continue;
      }
      const peer = this.data.peers.find((p) => p.id === header.sender);
      const status: FoundPackage['status'] =
        header.sender === me ? 'ours' : !header.recipients.some((r) => r.id === me) ? 'notForUs' : this.data.opened.includes(header.packageId) ? 'opened' : 'new';
      byId.set(header.packageId, {
        packageId: header.packageId,
        fileName: name,
        from: peer ? { id: peer.id, side: peer.side, office: peer.office, device: peer.device, officer: peer.officer } : null,
        size: reading.size,
        modifiedAt: info.mtime.toISOString(),
        status,
        copies: [],
      });
    }
    return [...byId.values()];
  }

  // ── conflicts ──────────────────────────────────────────────────────────────────────────

  async conflicts(): Promise<Conflict[]> {
    const out: Conflict[] = [];
    for (const collection of exchangedCollections) {
      for (const { id, record, stamp } of this.store.allStamped(collection)) {
        if (!stamp.x) continue;
        out.push(await this.card(collection, id, record, stamp));
      }
    }
    return out.sort((a, b) => (a.raisedAt < b.raisedAt ? -1 : a.raisedAt > b.raisedAt ? 1 : 0));
  }

  marked(): MarkedRecord[] {
    const out: MarkedRecord[] = [];
    for (const collection of exchangedCollections) for (const { id, stamp } of this.store.allStamped(collection)) if (stamp.x) out.push({ collection, recordId: id });
    return out;
  }

  private async card(collection: CollectionName, id: string, record: Record<string, unknown>, stamp: Stamp): Promise<Conflict> {
    const atoms = flatten(collection, record, stamp.o);
    const held = Object.entries(stamp.x ?? {});
    const fields: ConflictField[] = [];
    let latest: HeldConflict | null = null;
    for (const [fieldPath, conflict] of held) {
      const mine = this.mineAt(collection, atoms, record, fieldPath);
      const scriptOnly =
        typeof mine.value === 'string' && typeof conflict.v === 'string' && mine.value !== conflict.v && (await toHans(mine.value)) === (await toHans(conflict.v));
      fields.push({ path: fieldPath, kind: conflict.kind, mine, theirs: { present: conflict.present, value: conflict.v }, base: conflict.base ? { present: conflict.base.present, value: conflict.base.v } : null, scriptOnly });
      if (!latest || (conflict.at ?? '') > (latest.at ?? '')) latest = conflict;
    }
    const byId = latest ? latest.d.slice(0, latest.d.lastIndexOf('@')) : null;
    const peer = byId ? this.data.peers.find((p) => p.id === byId) : undefined;
    return {
      id,
      collection,
      recordId: id,
      label: labelOf(collection, record),
      fields,
      theirs: { by: peer ? { id: peer.id, side: peer.side, office: peer.office, device: peer.device, officer: peer.officer } : null, at: latest?.at ?? null },
      raisedAt: held.map(([, c]) => c.raisedAt).sort()[0] ?? this.options.now().toISOString(),
      packageId: latest?.packageId ?? null,
    };
  }

  private mineAt(collection: string, atoms: Atoms, record: Record<string, unknown>, fieldPath: string): { present: boolean; value: unknown } {
    if (fieldPath === 'deletedAt') return { present: record.deletedAt == null, value: record.deletedAt ?? null };
    if (!isEntryPath(collection, fieldPath)) return { present: atoms.has(fieldPath), value: atoms.get(fieldPath) };
    if (!atoms.has(fieldPath)) return { present: false, value: null };
    const prefix = fieldPath + SEP;
    const value: Record<string, unknown> = {};
    for (const [key, v] of atoms) if (key.startsWith(prefix) && !key.slice(prefix.length).includes(SEP)) value[key.slice(prefix.length)] = v;
    return { present: true, value };
  }

  /**
   * A person's choices for a card: each becomes the field's value in one local write whose stamp
   * covers both sides, so it travels in the next package and settles the card there too.
   */
  async settle(id: string, choices: readonly SettleChoice[]): Promise<Conflict[]> {
    const found = exchangedCollections.map((c) => ({ collection: c, stamped: this.store.stamped(c, id) })).find((f) => f.stamped?.stamp.x);
    if (!found?.stamped) throw new AppError('exchange.conflictSettled');
    const { collection } = found;
    const { record, stamp } = found.stamped;
    const held = stamp.x ?? {};
    const atoms = flatten(collection, record, stamp.o);
    const touched: string[] = [];
    for (const choice of choices) {
      const conflict = held[choice.path];
      if (!conflict) throw new AppError('exchange.conflictSettled');
      touched.push(choice.path);
      if (choice.choice === 'mine') continue;
      const present = choice.choice === 'theirs' ? conflict.present : true;
      const value = choice.choice === 'theirs' ? conflict.v : choice.value;
      if (choice.path === 'deletedAt') {
        atoms.set('deletedAt', choice.choice === 'theirs' ? conflict.v : (value ?? null));
        continue;
      }
      if (isEntryPath(collection, choice.path)) {
        for (const key of [...atoms.keys()]) if (key === choice.path || key.startsWith(choice.path + SEP)) atoms.delete(key);
        if (present && value && typeof value === 'object') {
          atoms.set(choice.path, true);
          for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
            atoms.set(`${choice.path}${SEP}${key}`, v);
            touched.push(`${choice.path}${SEP}${key}`);
          }
        }
      } else if (present) atoms.set(choice.path, value);
      else atoms.delete(choice.path);
    }
    const { fields } = unflatten(collection, atoms);
    try {
      await this.store.settle(collection, id, { ...record, ...fields }, touched);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('exchange.invalidValue');
    }
    return this.conflicts();
  }
}

function labelOf(collection: string, record: Record<string, unknown>): string {
  // A contact's `title` is the post held (處長), which does not say who the card is about.
  if (collection === 'contacts') return String(record.name ?? record.id);
  const title = record.title;
  const name = typeof title === 'string' ? title : title && typeof title === 'object' ? String((title as { hant?: string }).hant ?? '') : String(record.name ?? '');
  if (collection === 'actions') return `${String(record.reference)} ${name}`.trim();
  if (collection === 'meetings') return name || `#${String(record.number)}`;
  if (collection === 'subGroups') return String((record.name as { hant?: string })?.hant ?? record.code ?? '');
  return name || String(record.id);
}

/**
 * The second reading of a checked package: files are written to the attachment store (each checked
 * against its hash before it is kept), records are parsed per collection for the merge.
 */
class PackageApplier implements BodyListener {
  readonly records = new Map<CollectionName, Stamped[]>();
  /** The audit parts (packageAudit.ts), by name. */
  readonly auditParts = new Map<string, Buffer>();
  private current: { name: string; hash: ReturnType<typeof createHash>; chunks: Buffer[]; paper: IncomingPaper | null } | null = null;

  constructor(
    private readonly attachments: AttachmentStore,
    private readonly expected: Map<string, { sha256: string }>,
  ) {}

  async partStart(name: string): Promise<void> {
    let paper: IncomingPaper | null = null;
    if (name.startsWith('attachments/')) {
      const sha256 = name.slice('attachments/'.length);
      if ((await this.attachments.state(sha256)) !== 'ok') paper = this.attachments.receive(sha256);
    }
    this.current = { name, hash: createHash('sha256'), chunks: [], paper };
  }

  async partData(data: Buffer): Promise<void> {
    const part = this.current!;
    part.hash.update(data);
    if (part.paper) await part.paper.write(data);
    else if (part.name.startsWith('records/') || isAuditPart(part.name)) part.chunks.push(Buffer.from(data));
  }

  async partEnd(): Promise<void> {
    const part = this.current!;
    this.current = null;
    const digest = part.hash.digest('hex');
    const ok = this.expected.get(part.name)?.sha256 === digest;
    // Kept only if it is the file that was checked; the store keeps it only under its own hash.
    await part.paper?.finish(ok);
    // The file changed since it was checked: this part is not taken.
    if (!ok) throw new AppError('exchange.tampered');
    if (isAuditPart(part.name)) this.auditParts.set(part.name, Buffer.concat(part.chunks));
    if (part.name.startsWith('records/')) {
      const collection = part.name.slice('records/'.length) as CollectionName;
      const text = Buffer.concat(part.chunks).toString('utf8');
      const list: Stamped[] = [];
      for (const line of text.split('\n')) {
        if (!line) continue;
        const item = JSON.parse(line) as PackedRecord;
        const stamp = Stamp.safeParse(item.s);
        if (!stamp.success || !item.r || typeof item.r !== 'object') throw new AppError('exchange.tampered');
        list.push({ record: item.r, stamp: stamp.data });
      }
      this.records.set(collection, list);
    }
  }
}
