import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../../shared/ipc/errors';
import { collectionNames, collectionSchemas, type CollectionName, type RecordOf } from '../../shared/model/dataset';
import type { RecordBase } from '../../shared/model/record';
import { isExchanged, exchangedCollections } from '../../shared/exchange/collections';
import { dotOf, type Dot, type VersionVector } from '../../shared/exchange/dots';
import { mergeRecord, type MergeContext, type Stamped } from '../../shared/exchange/merge';
import { globalVv, stampCreated, stampLocalWrite, type Stamp } from '../../shared/exchange/stamps';
import { inDerivedOrder, SEP } from '../../shared/exchange/atoms';
import { Backups, backupTime, defaultBackupPolicy, type BackupPolicy } from './backups';
import { isDiskErrorCode, toDiskError, type DiskErrorCode } from './diskErrors';
import { BACKUPS_DIR, COLLECTIONS_DIR, shardCounts, shardOf, shardRelativePath } from './layout';
import { MANIFEST_FILE, ManifestFile, sameEntry } from './manifest';
import { appSchema, type SchemaHistory } from './migrations';
import { readDataFile, textOf } from './readDataFile';
import { inspectShard, settleShard, type RecoveryContext, type SettledShard, type StoreNotice } from './recovery';
import { ShardAdapter } from './shardAdapter';
import { shardFileOf, type ShardFile } from './shardFile';
import { nodeFs, type StoreFs } from './storeFs';
import { removeTempFiles } from './tempFiles';

export type { StoreNotice } from './recovery';

export interface StoreOptions {
  dataDir: string;
  fs?: StoreFs;
  now?: () => Date;
  schema?: SchemaHistory;
  backupPolicy?: BackupPolicy;
  /**
   * This installation's id (electron/exchange/identity.ts), the author of every local write's
   * change stamp. Tests of the store alone may leave it out: then each opening is an installation.
   */
  installationId?: string;
}

/** A save point the user can bring back, by its folder name. */
export interface SavePoint {
  name: string;
  takenAt: string;
}

export type OpenResult =
  | { status: 'ready'; store: Store; notices: StoreNotice[]; isNew: boolean }
  | { status: 'newerVersion'; found: number; supported: number }
  /** No collections, but save points: nothing is written until the user picks one (restoreSavePoint). */
  | { status: 'backupsOnly'; savePoints: SavePoint[] }
  /** A new folder that cannot be created or written in. */
  | { status: 'cannotCreate'; folder: string };

export interface SaveStatus {
  unsavedChanges: boolean;
  lastError: DiskErrorCode | null;
}

/** The fields a caller supplies; the store stamps id, times, revision and deletion. */
export type Fields<C extends CollectionName> = Omit<RecordOf<C>, keyof RecordBase>;

export type Change<C extends CollectionName> = (current: RecordOf<C>) => Partial<Fields<C>> & Partial<Pick<RecordBase, 'deletedAt'>>;

/** What opening a package did to one record. */
export interface RemoteOutcome {
  id: string;
  created: boolean;
  raised: string[];
  cleared: string[];
}

/** This installation's write counter: each local write of an exchanged record gets the next dot. */
class Stamping {
  private counter = 0;

  constructor(readonly installationId: string) {}

  /** Counts on from the highest of this installation's writes a stamp holds (loaded, or come back in a package). */
  saw(stamp: Stamp): void {
    this.counter = Math.max(this.counter, stamp.vv[this.installationId] ?? 0);
  }

  next(): Dot {
    this.counter += 1;
    return dotOf(this.installationId, this.counter);
  }
}

interface Ticket {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function ticket(): Ticket {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // the caller who awaits it hears of the failure
  return { promise, resolve, reject };
}

/**
 * The value with every id in `ids` replaced: string values equal to one, and the segments of keys
 * (a stamp's `stageLog/<entry id>/note`). Ids are random UUIDs, so an equal string is that id. The
 * same object back when nothing changed.
 */
function withIdsRenamed(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) {
    const out = value.map((item) => withIdsRenamed(item, ids));
    return out.some((item, i) => item !== value[i]) ? out : value;
  }
  if (value === null || typeof value !== 'object') return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const newKey = key.split(SEP).map((part) => ids.get(part) ?? part).join(SEP);
    const newItem = withIdsRenamed(item, ids);
    changed ||= newKey !== key || newItem !== item;
    out[newKey] = newItem;
  }
  return changed ? out : value;
}

/**
 * One file of a collection, kept by lowdb. Edits made before a write starts share that write; edits
 * made while it runs queue exactly one more, so an older snapshot can never land after a newer one.
 */
class Shard {
  dirty = false;
  lastError: DiskErrorCode | null = null;
  private queued: Ticket | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly relativePath: string,
    readonly db: Low<ShardFile>,
    private readonly onWritten: () => void,
  ) {}

  get records(): Record<string, unknown> {
    return this.db.data.records;
  }

  get stamps(): Record<string, Stamp> {
    return (this.db.data.stamps ??= {});
  }

  persist(): Promise<void> {
    this.dirty = true;
    if (!this.queued) {
      const next = ticket();
      this.queued = next;
      this.chain = this.chain.then(() => this.writeFor(next));
    }
    return this.queued.promise;
  }

  whenIdle(): Promise<void> {
    return this.chain;
  }

  private async writeFor(pending: Ticket): Promise<void> {
    this.queued = null;
    this.dirty = false;
    try {
      await this.db.write();
      this.lastError = null;
      pending.resolve();
      this.onWritten();
    } catch (error) {
      const appError = toDiskError(error);
      this.dirty = true;
      this.lastError = isDiskErrorCode(appError.code) ? appError.code : 'disk.writeFailed';
      pending.reject(appError);
    }
  }
}

/**
 * The application's data: every collection in memory, each split into shard files written
 * atomically and independently, with rolling backups. Opening parses, migrates and validates every
 * file this app did not write itself (see `inspectShard`) before anyone sees the data; a damaged file
 * is moved aside and restored from a backup.
 */
export class Store {
  private readonly shards = new Map<CollectionName, Shard[]>();
  private readonly backups: Backups;
  private readonly manifest: ManifestFile;
  /** Opened from a folder that refuses writes: nothing is moved, cleaned or backed up this session. */
  readOnly = false;
  private backupTimer: NodeJS.Timeout | null = null;
  private backupDue = false;
  private lastBackupAt = 0;
  private backupRunning: Promise<void> = Promise.resolve();
  private readonly stamping: Stamping;

  private constructor(
    readonly dataDir: string,
    private readonly fs: StoreFs,
    private readonly now: () => Date,
    private readonly schema: SchemaHistory,
    private readonly policy: BackupPolicy,
    installationId: string,
  ) {
    this.backups = new Backups(dataDir, fs, policy, now);
    this.manifest = new ManifestFile(dataDir, fs);
    this.stamping = new Stamping(installationId);
  }

  get backupsFolder(): string {
    return this.backups.folder;
  }

  static async open(options: StoreOptions): Promise<OpenResult> {
    const fs = options.fs ?? nodeFs;
    const store = new Store(
      options.dataDir,
      fs,
      options.now ?? (() => new Date()),
      options.schema ?? appSchema,
      options.backupPolicy ?? defaultBackupPolicy,
      options.installationId ?? randomUUID(),
    );
    const opened = await store.load();
    if (opened.status === 'ready') await store.stampUnstamped();
    return opened;
  }

  /**
   * Gives every exchanged record without a stamp one authored by this installation: data written
   * before the exchange existed (schema version 1), and records recovered from a backup.
   */
  private async stampUnstamped(): Promise<void> {
    const changed = new Set<Shard>();
    for (const collection of exchangedCollections) {
      for (const shard of this.shards.get(collection)!) {
        for (const stamp of Object.values(shard.stamps)) this.stamping.saw(stamp);
      }
    }
    for (const collection of exchangedCollections) {
      for (const shard of this.shards.get(collection)!) {
        for (const [id, record] of Object.entries(shard.records)) {
          if (shard.stamps[id]) continue;
          shard.stamps[id] = stampCreated(collection, record as Record<string, unknown>, this.stamping.next());
          changed.add(shard);
        }
      }
    }
    await Promise.allSettled([...changed].map((shard) => shard.persist()));
  }

  private async load(): Promise<OpenResult> {
    const readText = async (file: string) => {
      const read = await readDataFile(this.fs, file);
      return read.kind === 'bytes' ? textOf(read.bytes) : null;
    };
    const manifest = await this.manifest.read(readText);
    const plan = collectionNames.flatMap((collection) =>
      Array.from({ length: shardCounts[collection] }, (_, index) => {
        const relativePath = shardRelativePath(collection, index);
        return { collection, relativePath, file: path.join(this.dataDir, relativePath) };
      }),
    );
    const files = await Promise.all(plan.map((shard) => readDataFile(this.fs, shard.file)));
    const reads = [];
    for (const [i, shard] of plan.entries()) {
      reads.push({ ...shard, read: inspectShard(files[i]!, shard.collection, this.schema, this.manifest.entry(shard.relativePath)) });
      // One file at a time (decoded, hashed, parsed), so the window's own files are served while the folder opens.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }

    // Refuse a newer app's data before touching anything in the folder.
    for (const { read } of reads) {
      if (read.kind === 'text' && read.reading?.kind === 'newer') {
        return { status: 'newerVersion', found: read.reading.version, supported: this.schema.version };
      }
    }
    this.readOnly = !(await this.folderIsWritable());

    if (reads.every((r) => r.read.kind === 'missing')) {
      // Never seed over save points: the user chooses whether to bring them back.
      const savePoints = await this.savePointsWithCollections();
      if (savePoints.length > 0) return { status: 'backupsOnly', savePoints };
      if (this.readOnly) return { status: 'cannotCreate', folder: this.dataDir };
    }

    const context: RecoveryContext = {
      dataDir: this.dataDir,
      fs: this.fs,
      backups: this.backups,
      schema: this.schema,
      now: this.now,
      readOnly: this.readOnly,
      manifest,
    };
    const settled: SettledShard[] = [];
    for (const { collection, relativePath, read } of reads) settled.push(await settleShard(context, collection, relativePath, read));

    const notices: StoreNotice[] = this.readOnly ? [{ kind: 'readOnly', folder: this.dataDir }] : [];
    const toPersist: Shard[] = [];
    let manifestChanged = manifest === null;
    reads.forEach(({ collection, relativePath, file }, i) => {
      const outcome = settled[i]!;
      if (outcome.notice) notices.push(outcome.notice);
      if (outcome.found && !sameEntry(this.manifest.entry(relativePath), outcome.found)) {
        this.manifest.set(relativePath, outcome.found);
        manifestChanged = true;
      }
      const adapter = new ShardAdapter(file, relativePath, this.fs, this.manifest, outcome.locked);
      const db = new Low<ShardFile>(adapter, shardFileOf(collection, this.schema.version, Object.fromEntries(outcome.records), outcome.stamps));
      const shard = new Shard(relativePath, db, () => this.scheduleBackup());
      const list = this.shards.get(collection) ?? [];
      list.push(shard);
      this.shards.set(collection, list);
      if (outcome.needsWrite) toPersist.push(shard);
    });
    const isNew = reads.every((r) => r.read.kind === 'missing');
    if (isNew && manifest && [...manifest.values()].some((entry) => entry.records > 0)) {
      // The whole collections folder is gone with no save point to bring it back: say so, then start anew.
      const expectedRecords = [...manifest.values()].reduce((sum, entry) => sum + entry.records, 0);
      notices.push({ kind: 'notRestored', file: path.join(this.dataDir, COLLECTIONS_DIR), problem: 'missing', expectedRecords });
    }

    if (this.readOnly) return { status: 'ready', store: this, notices, isNew };
    await removeTempFiles(this.fs, this.dataDir);
    // A write that fails here (read-only disk) leaves the shard dirty; the user is told by saveStatus.
    await Promise.allSettled(toPersist.map((shard) => shard.persist()));
    if (manifestChanged && !isNew) await this.manifest.persist().catch(() => undefined);
    // A save point that cannot be taken (full or read-only disk) must not keep the user from their data.
    // A save point of the data as found, before this session's edits; unchanged files are only linked.
    if (!isNew) await this.takeBackup().catch(() => undefined);
    return { status: 'ready', store: this, notices, isNew };
  }

  /** False where the folder cannot be created or written in (read-only media, permissions). */
  private async folderIsWritable(): Promise<boolean> {
    const folders = [this.dataDir, path.join(this.dataDir, COLLECTIONS_DIR)];
    try {
      await this.fs.mkdir(this.dataDir, { recursive: true });
      for (const folder of folders) {
        const exists = await this.fs.stat(folder).then(
          (s) => s.isDirectory(),
          () => false,
        );
        if (!exists) continue;
        const probe = path.join(folder, `.write-check.${randomUUID().slice(0, 8)}.tmp`);
        const handle = await this.fs.open(probe, 'w');
        await handle.close();
        await this.fs.rm(probe, { force: true });
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Save points holding a collections folder, newest first. */
  private async savePointsWithCollections(): Promise<SavePoint[]> {
    const out: SavePoint[] = [];
    for (const name of await this.backups.list()) {
      const held = await this.fs.readdir(this.backups.pathIn(name, COLLECTIONS_DIR)).catch(() => [] as string[]);
      const takenAt = backupTime(name);
      if (held.length > 0 && takenAt) out.push({ name, takenAt: takenAt.toISOString() });
    }
    return out;
  }

  /**
   * Brings back a save point's collections into a folder that has none (status `backupsOnly`):
   * copied beside the data, then renamed into place, so a crash leaves either nothing or all of it.
   */
  static async restoreSavePoint(options: StoreOptions, name: string): Promise<void> {
    const fs = options.fs ?? nodeFs;
    const source = path.join(options.dataDir, BACKUPS_DIR, name, COLLECTIONS_DIR);
    const target = path.join(options.dataDir, COLLECTIONS_DIR);
    if (backupTime(name) === null) throw new AppError('store.noSuchSavePoint', { name });
    const held = await fs.readdir(source).catch(() => null);
    if (!held) throw new AppError('store.noSuchSavePoint', { name });
    if (await fs.stat(target).then(() => true, () => false)) throw new AppError('store.collectionsPresent');
    const staging = `${target}.${randomUUID().slice(0, 8)}.tmp`;
    try {
      for (const collection of held) {
        const files = await fs.readdir(path.join(source, collection)).catch(() => [] as string[]);
        await fs.mkdir(path.join(staging, collection), { recursive: true });
        for (const file of files) await fs.copyFile(path.join(source, collection, file), path.join(staging, collection, file));
      }
      // The manifest described the lost folder; the next open writes one for the restored files.
      await fs.rm(path.join(options.dataDir, MANIFEST_FILE), { force: true });
      await fs.rename(staging, target);
    } catch (error) {
      await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
      throw toDiskError(error);
    }
  }

  private shardFor(collection: CollectionName, id: string): Shard {
    const shards = this.shards.get(collection)!;
    return shards[shardOf(id, shards.length)]!;
  }

  /** Records of a collection; soft-deleted ones only when asked. Callers must not mutate them. */
  list<C extends CollectionName>(collection: C, options: { includeDeleted?: boolean } = {}): RecordOf<C>[] {
    const out: RecordOf<C>[] = [];
    for (const shard of this.shards.get(collection)!) {
      for (const record of Object.values(shard.records) as RecordOf<C>[]) {
        if (options.includeDeleted || record.deletedAt === null) out.push(record);
      }
    }
    return out;
  }

  get<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined {
    return this.shardFor(collection, id).records[id] as RecordOf<C> | undefined;
  }

  /** Adds a record; resolves once it is safely on disk. */
  async insert<C extends CollectionName>(collection: C, fields: Fields<C>, id: string = randomUUID()): Promise<RecordOf<C>> {
    const at = this.now().toISOString();
    const record = this.validated(collection, inDerivedOrder(collection, { ...fields, id, createdAt: at, updatedAt: at, deletedAt: null, revision: 1 }));
    const shard = this.shardFor(collection, id);
    shard.records[id] = record;
    if (isExchanged(collection)) shard.stamps[id] = stampCreated(collection, record as Record<string, unknown>, this.stamping.next());
    await shard.persist();
    return record;
  }

  /**
   * Replaces a record's fields with what `change` returns; resolves once it is on disk. With
   * `expectedRevision`, the one check that the user edited what is stored: refused with
   * record.changedElsewhere when the record has changed since (here or by a package opened).
   */
  update<C extends CollectionName>(collection: C, id: string, change: Change<C>): Promise<RecordOf<C>>;
  update<C extends CollectionName>(collection: C, id: string, expectedRevision: number, change: Change<C>): Promise<RecordOf<C>>;
  async update<C extends CollectionName>(
    collection: C,
    id: string,
    revisionOrChange: number | Change<C>,
    maybeChange?: Change<C>,
  ): Promise<RecordOf<C>> {
    const change = typeof revisionOrChange === 'function' ? revisionOrChange : maybeChange!;
    const shard = this.shardFor(collection, id);
    const current = shard.records[id] as RecordOf<C> | undefined;
    if (typeof revisionOrChange === 'number') this.expectRevision(collection, id, revisionOrChange);
    if (!current) throw new AppError('record.notFound');
    return this.write(collection, shard, current, { ...current, ...change(current) }, []);
  }

  /** The one revision check: record.notFound, or record.changedElsewhere when the stored record has changed since `revision`. */
  expectRevision(collection: CollectionName, id: string, revision: number): void {
    const current = this.get(collection, id);
    if (!current) throw new AppError('record.notFound');
    if (current.revision !== revision) throw new AppError('record.changedElsewhere');
  }

  /**
   * Writes a record's new state as a local write: validated, its revision raised, entries of sets kept
   * in order of a field (progress by date) in that order, as every merge lists them, and for an exchanged
   * record a new change stamp (`touched` fields get the write's dot even if their value stays, as a
   * settlement that keeps this side's value does).
   */
  private async write<C extends CollectionName>(
    collection: C,
    shard: Shard,
    current: RecordOf<C>,
    next: Record<string, unknown>,
    touched: readonly string[],
  ): Promise<RecordOf<C>> {
    const record = this.validated(
      collection,
      inDerivedOrder(collection, { ...next, id: current.id, createdAt: current.createdAt, updatedAt: this.now().toISOString(), revision: current.revision + 1 }),
    );
    if (isExchanged(collection)) {
      const before = shard.stamps[current.id] ?? stampCreated(collection, current as Record<string, unknown>, this.stamping.next());
      const after = stampLocalWrite(collection, current as Record<string, unknown>, record as Record<string, unknown>, before, this.stamping.next(), touched);
      // A save that changed nothing is no write to exchange: its time would differ between installations.
      if (after === before) (record as RecordBase).updatedAt = current.updatedAt;
      shard.stamps[current.id] = after;
    }
    shard.records[current.id] = record;
    await shard.persist();
    return record;
  }

  /**
   * A person's settlement of conflicts held on a record: the record's new fields, written as a
   * local write whose stamp covers both sides, so it travels and settles the card elsewhere too.
   */
  async settle<C extends CollectionName>(collection: C, id: string, next: Record<string, unknown>, paths: readonly string[]): Promise<RecordOf<C>> {
    const shard = this.shardFor(collection, id);
    const current = shard.records[id] as RecordOf<C> | undefined;
    if (!current) throw new AppError('record.notFound');
    return this.write(collection, shard, current, next, paths);
  }

  /** A record and its change stamp; undefined when there is no such record. */
  stamped(collection: CollectionName, id: string): Stamped | undefined {
    const shard = this.shardFor(collection, id);
    const record = shard.records[id] as Record<string, unknown> | undefined;
    const stamp = shard.stamps[id];
    return record && stamp ? { record, stamp } : undefined;
  }

  /** Every exchanged record with its stamp, collection by collection. */
  *allStamped(collection: CollectionName): Generator<Stamped & { id: string }> {
    for (const shard of this.shards.get(collection)!) {
      for (const [id, record] of Object.entries(shard.records)) {
        const stamp = shard.stamps[id];
        if (stamp) yield { id, record: record as Record<string, unknown>, stamp };
      }
    }
  }

  /**
   * Merges records from another installation's package (shared/exchange/merge.ts) and writes the
   * ones that changed, each with its stamp in the same atomic write; resolves once all are on disk.
   * A merged record that fails its schema is not written: the error names it, nothing is lost.
   */
  async applyRemote(collection: CollectionName, incoming: readonly Stamped[], context: MergeContext): Promise<RemoteOutcome[]> {
    const outcomes: RemoteOutcome[] = [];
    const touched = new Set<Shard>();
    for (const remote of incoming) {
      const id = String(remote.record.id);
      const shard = this.shardFor(collection, id);
      const local = this.stamped(collection, id) ?? null;
      const merged = mergeRecord(collection, local, remote, context);
      if (!merged.changed) continue;
      const record = this.validated(collection, merged.record);
      this.stamping.saw(merged.stamp);
      shard.records[id] = record;
      shard.stamps[id] = merged.stamp;
      touched.add(shard);
      outcomes.push({ id, created: local === null, raised: merged.raised, cleared: merged.cleared });
    }
    await Promise.all([...touched].map((shard) => shard.persist()));
    return outcomes;
  }

  /**
   * Gives records new ids (`ids`: old → new, also for entries inside records), rewriting every
   * reference to them in every record and stamp of every collection; `moves` are the records that
   * move, each with its fields as they should be under the new id. Crash-safe by order: the records
   * are on disk under their new ids before any reference or old copy changes, so a run cut short is
   * finished by the next (the caller finds the same records again).
   */
  async renameRecords(
    ids: ReadonlyMap<string, string>,
    moves: ReadonlyArray<{ collection: CollectionName; from: string; change?: (record: Record<string, unknown>) => Record<string, unknown> }>,
  ): Promise<void> {
    if (moves.length === 0) return;
    const placed = new Set<Shard>();
    const left: Array<{ shard: Shard; from: string }> = [];
    for (const { collection, from, change } of moves) {
      const to = ids.get(from)!;
      const shard = this.shardFor(collection, from);
      const record = shard.records[from] as Record<string, unknown> | undefined;
      if (!record) continue;
      const target = this.shardFor(collection, to);
      const renamed = withIdsRenamed(record, ids) as Record<string, unknown>;
      target.records[to] = this.validated(collection, change ? change(renamed) : renamed);
      const stamp = shard.stamps[from];
      if (stamp) target.stamps[to] = withIdsRenamed(stamp, ids) as Stamp;
      placed.add(target);
      left.push({ shard, from });
    }
    await Promise.all([...placed].map((shard) => shard.persist()));
    const rewritten = new Set<Shard>();
    for (const { shard, from } of left) {
      delete shard.records[from];
      delete shard.stamps[from];
      rewritten.add(shard);
    }
    for (const shard of this.allShards()) {
      for (const table of [shard.records, shard.stamps] as Array<Record<string, unknown>>) {
        for (const [id, value] of Object.entries(table)) {
          const renamed = withIdsRenamed(value, ids);
          if (renamed === value) continue;
          table[id] = renamed;
          rewritten.add(shard);
        }
      }
    }
    await Promise.all([...rewritten].map((shard) => shard.persist()));
  }

  /** Every write this installation holds, of any installation: what it tells its peers it has. */
  globalVv(): VersionVector {
    const all: Stamp[] = [];
    for (const collection of exchangedCollections) for (const shard of this.shards.get(collection)!) all.push(...Object.values(shard.stamps));
    return globalVv(all);
  }

  get installationId(): string {
    return this.stamping.installationId;
  }

  softDelete<C extends CollectionName>(collection: C, id: string): Promise<RecordOf<C>> {
    return this.update(collection, id, () => ({ deletedAt: this.now().toISOString() }) as never);
  }

  restore<C extends CollectionName>(collection: C, id: string): Promise<RecordOf<C>> {
    return this.update(collection, id, () => ({ deletedAt: null }) as never);
  }

  private validated<C extends CollectionName>(collection: C, candidate: unknown): RecordOf<C> {
    const result = collectionSchemas[collection].safeParse(candidate);
    if (!result.success) {
      throw new Error(`Invalid ${collection} record: ${result.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    }
    return result.data as RecordOf<C>;
  }

  saveStatus(): SaveStatus {
    let unsavedChanges = false;
    let lastError: DiskErrorCode | null = null;
    for (const shard of this.allShards()) {
      unsavedChanges ||= shard.dirty;
      lastError ??= shard.lastError;
    }
    return { unsavedChanges, lastError };
  }

  /** Tries again to write every file with changes not yet on disk. */
  async retrySave(): Promise<SaveStatus> {
    await Promise.allSettled(this.allShards().filter((s) => s.dirty).map((s) => s.persist()));
    return this.saveStatus();
  }

  /** Waits for every queued write; throws if any change is still not on disk. */
  async flush(): Promise<void> {
    await Promise.all(this.allShards().map((s) => s.whenIdle()));
    const status = this.saveStatus();
    if (status.unsavedChanges) throw new AppError(status.lastError ?? 'disk.writeFailed');
  }

  /** Flushes and takes a last save point; call before the app quits. */
  async close(): Promise<void> {
    if (this.backupTimer) clearTimeout(this.backupTimer);
    this.backupTimer = null;
    try {
      await this.flush();
    } finally {
      if (this.backupDue) await this.takeBackup().catch(() => undefined);
      await this.backupRunning;
    }
  }

  private allShards(): Shard[] {
    return [...this.shards.values()].flat();
  }

  private scheduleBackup(): void {
    this.backupDue = true;
    if (this.backupTimer) return;
    const wait = Math.max(0, this.lastBackupAt + this.policy.minIntervalMs - this.now().getTime());
    this.backupTimer = setTimeout(() => {
      this.backupTimer = null;
      void this.takeBackup().catch(() => undefined);
    }, wait);
    this.backupTimer.unref?.();
  }

  private takeBackup(): Promise<void> {
    this.backupDue = false;
    this.lastBackupAt = this.now().getTime();
    const taken = this.backupRunning.then(() => this.backups.take(this.allShards().map((s) => s.relativePath)));
    // One failed save point must not stop every later one (a rejected chain skips its `then`s).
    this.backupRunning = taken.then(
      () => undefined,
      () => undefined,
    );
    return taken.then(() => undefined);
  }

  /** Save points, newest first (folder names under the backups folder). */
  listBackups(): Promise<string[]> {
    return this.backups.list();
  }
}
