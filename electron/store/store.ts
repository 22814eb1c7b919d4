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
import { AtomicJsonFile, isTempFile } from './atomicJsonFile';
import { Backups, backupTime, defaultBackupPolicy, type BackupPolicy } from './backups';
import { isDiskErrorCode, toDiskError, type DiskErrorCode } from './diskErrors';
import { COLLECTIONS_DIR, DAMAGED_DIR, shardCounts, shardOf, shardRelativePath } from './layout';
import { appSchema, type SchemaHistory } from './migrations';
import { readShard, shardFileOf, type ShardFile } from './shardFile';
import { nodeFs, type StoreFs } from './storeFs';

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

export type StoreNotice =
  | { kind: 'recoveredFromBackup'; damagedFile: string; movedTo: string; backupTakenAt: string }
  | { kind: 'unrecoverable'; damagedFile: string; movedTo: string };

export type OpenResult =
  | { status: 'ready'; store: Store; notices: StoreNotice[]; isNew: boolean }
  | { status: 'newerVersion'; found: number; supported: number };

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
 * file before anyone sees the data; a damaged file is moved aside and restored from a backup.
 */
export class Store {
  private readonly shards = new Map<CollectionName, Shard[]>();
  private readonly backups: Backups;
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
    await this.fs.mkdir(this.dataDir, { recursive: true });
    const plan = collectionNames.flatMap((collection) =>
      Array.from({ length: shardCounts[collection] }, (_, index) => ({ collection, index })),
    );
    const readings = await Promise.all(
      plan.map(async ({ collection, index }) => {
        const relativePath = shardRelativePath(collection, index);
        const adapter = new AtomicJsonFile<ShardFile>(path.join(this.dataDir, relativePath), this.fs);
        let parsed: unknown;
        try {
          parsed = await adapter.read();
        } catch {
          return { collection, relativePath, adapter, reading: { kind: 'damaged' as const, reason: 'not JSON' } };
        }
        if (parsed === null) return { collection, relativePath, adapter, reading: null };
        return { collection, relativePath, adapter, reading: readShard(parsed, collection, this.schema) };
      }),
    );

    // Refuse a newer app's data before touching anything in the folder.
    const newer = readings.find((r) => r.reading?.kind === 'newer');
    if (newer?.reading?.kind === 'newer') {
      return { status: 'newerVersion', found: newer.reading.version, supported: this.schema.version };
    }

    const notices: StoreNotice[] = [];
    const toPersist: Shard[] = [];
    const isNew = readings.every((r) => r.reading === null);
    for (const { collection, relativePath, adapter, reading } of readings) {
      let records = new Map<string, unknown>();
      let stamps: Record<string, Stamp> = {};
      let needsWrite = false;
      if (reading?.kind === 'ok') {
        records = reading.records;
        stamps = reading.stamps;
        needsWrite = reading.migratedFrom !== null;
      } else if (reading?.kind === 'damaged') {
        const recovered = await this.recover(collection, relativePath);
        notices.push(recovered.notice);
        records = recovered.records;
        needsWrite = true;
      }
      const db = new Low<ShardFile>(adapter, shardFileOf(collection, this.schema.version, Object.fromEntries(records), stamps));
      const shard = new Shard(relativePath, db, () => this.scheduleBackup());
      const list = this.shards.get(collection) ?? [];
      list.push(shard);
      this.shards.set(collection, list);
      if (needsWrite) toPersist.push(shard);
    }

    await this.removeTempFiles();
    // A write that fails here (read-only disk) leaves the shard dirty; the user is told by saveStatus.
    await Promise.allSettled(toPersist.map((shard) => shard.persist()));
    // A save point that cannot be taken (full or read-only disk) must not keep the user from their data.
    // A save point of the data as found, before this session's edits; unchanged files are only linked.
    if (!isNew) await this.takeBackup().catch(() => undefined);
    return { status: 'ready', store: this, notices, isNew };
  }

  /** Moves a damaged file aside and takes the newest valid copy of it from the backups. */
  private async recover(
    collection: CollectionName,
    relativePath: string,
  ): Promise<{ records: Map<string, unknown>; notice: StoreNotice }> {
    const damagedFile = path.join(this.dataDir, relativePath);
    const movedTo = await this.freshDamagedPath(relativePath);
    await this.fs.mkdir(path.dirname(movedTo), { recursive: true });
    await this.fs.rename(damagedFile, movedTo);

    for (const backup of await this.backups.list()) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await this.fs.readFile(this.backups.pathIn(backup, relativePath), 'utf8'));
      } catch {
        continue;
      }
      const reading = readShard(parsed, collection, this.schema);
      if (reading.kind !== 'ok') continue;
      const backupTakenAt = (backupTime(backup) ?? this.now()).toISOString();
      return { records: reading.records, notice: { kind: 'recoveredFromBackup', damagedFile, movedTo, backupTakenAt } };
    }
    return { records: new Map(), notice: { kind: 'unrecoverable', damagedFile, movedTo } };
  }

  /** A place in the damaged folder that holds nothing yet: a rename there must not replace an earlier damaged file. */
  private async freshDamagedPath(relativePath: string): Promise<string> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    for (let n = 1; ; n++) {
      const candidate = path.join(this.dataDir, DAMAGED_DIR, n === 1 ? stamp : `${stamp}-${n}`, relativePath);
      const taken = await this.fs.stat(candidate).then(
        () => true,
        () => false,
      );
      if (!taken) return candidate;
    }
  }

  private async removeTempFiles(): Promise<void> {
    for (const collection of collectionNames) {
      const dir = path.join(this.dataDir, COLLECTIONS_DIR, collection);
      const names = await this.fs.readdir(dir).catch(() => [] as string[]);
      for (const name of names.filter(isTempFile)) await this.fs.rm(path.join(dir, name), { force: true });
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
    const record = this.validated(collection, { ...fields, id, createdAt: at, updatedAt: at, deletedAt: null, revision: 1 });
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
   * Writes a record's new state as a local write: validated, its revision raised, and for an exchanged
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
    const record = this.validated(collection, {
      ...next,
      id: current.id,
      createdAt: current.createdAt,
      updatedAt: this.now().toISOString(),
      revision: current.revision + 1,
    });
    if (isExchanged(collection)) {
      const before = shard.stamps[current.id] ?? stampCreated(collection, current as Record<string, unknown>, this.stamping.next());
      shard.stamps[current.id] = stampLocalWrite(collection, current as Record<string, unknown>, record as Record<string, unknown>, before, this.stamping.next(), touched);
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
