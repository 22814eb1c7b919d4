import type { KeyObject } from 'node:crypto';
import { AuditEntry, timeWithOffset, type AuditEvent } from '../../shared/audit/entry';
import type { AuditVerification } from '../../shared/audit/verification';
import type { StoreFs } from '../store/storeFs';
import { appendLine, auditPaths, forEachLine, LineAppender, readJsonLines, type AuditPaths } from './auditFiles';
import { legacyIdentityFile, makeHandover, readLegacyIdentity, type AuditIdentity, type Handover } from './auditIdentity';
import { checkpointSigned, countersignatureSigned, makeCheckpoint, makeCountersignature, type Checkpoint, type Countersignature } from './checkpoint';
import { consistencyProof, leafHash, rootOf, verifyConsistency, type Hash, type SubtreeCache } from './merkle';
import { entryLine, GENESIS, verifyAudit } from './verifyAudit';

/** A checkpoint for one peer, with proofs that it extends every checkpoint of ours the peer may hold. */
export interface CheckpointParcel {
  checkpoint: Checkpoint;
  consistency: { fromSize: number; proof: string[] }[];
}

/** Why a peer's checkpoint was refused: its log no longer extends what it showed us before. */
export interface PeerCheckpointProblem {
  peer: string;
  reason: 'badSignature' | 'rolledBack' | 'rewritten' | 'unproven';
  knownSize: number;
  offeredSize: number;
}

export interface AuditTrailOptions {
  auditDir: string;
  fs: StoreFs;
  identity: AuditIdentity;
  now: () => Date;
  /** Public keys of the peers whose countersignatures Verify accepts (the exchange's peers). */
  peerKey: (installationId: string) => KeyObject | null;
  /** A checkpoint is signed after every this many entries, besides one at each exchange. */
  checkpointEvery?: number;
}

export const CHECKPOINT_EVERY = 1000;

/**
 * The installation's audit trail: an append-only, hash-chained log of who did what, with signed
 * checkpoints over its Merkle tree that the other side countersigns at each exchange.
 */
export class AuditTrail {
  private readonly paths: AuditPaths;
  private readonly leaves: Hash[] = [];
  private readonly cache: SubtreeCache = new Map();
  private checkpoints: Checkpoint[] = [];
  private countersignatures: Countersignature[] = [];
  private handover: Handover | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private log: LineAppender | null = null;
  private readonly pending: { event: AuditEvent; resolve: (entry: AuditEntry) => void; reject: (error: unknown) => void }[] = [];

  private constructor(private readonly options: AuditTrailOptions) {
    this.paths = auditPaths(options.auditDir);
  }

  static async open(options: AuditTrailOptions): Promise<AuditTrail> {
    const trail = new AuditTrail(options);
    await trail.load();
    await trail.handOverFromLegacyKey();
    return trail;
  }

  get installationId(): string {
    return this.options.identity.installationId;
  }

  get size(): number {
    return this.leaves.length;
  }

  private async load(): Promise<void> {
    let tornAt: number | null = null;
    let bytes = 0;
    await forEachLine(this.options.fs, this.paths.log, (line, complete, storedBytes) => {
      if (!complete) tornAt = bytes;
      else this.leaves.push(leafHash(line));
      bytes += storedBytes + 1;
    });
    // An append cut off by a crash was never reported as recorded: drop its fragment, keep the rest.
    if (tornAt !== null) {
      const handle = await this.options.fs.open(this.paths.log, 'r+');
      try {
        await handle.truncate(tornAt);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    }
    this.checkpoints = await readJsonLines(this.options.fs, this.paths.checkpoints);
    this.countersignatures = await readJsonLines(this.options.fs, this.paths.countersignatures);
    this.handover = (await readJsonLines<Handover>(this.options.fs, this.paths.handover))[0] ?? null;
  }

  /**
   * A log begun under the stand-in key (before the exchange identity signed it): records the handover
   * in the log, has both keys sign the log as it then stands, and removes the old private key. A crash
   * before the removal only repeats the entry; the first handover written is the one kept.
   */
  private async handOverFromLegacyKey(): Promise<void> {
    const { fs, auditDir, identity } = this.options;
    const legacy = await readLegacyIdentity(auditDir, fs);
    if (!legacy) return;
    if (!this.handover && (this.leaves.length > 0 || this.checkpoints.length > 0)) {
      try {
        await this.record({ kind: 'audit.identityHandover', subject: { detail: `${legacy.installationId} → ${identity.installationId}` } });
        await this.serial(async () => {
          const size = this.leaves.length;
          const handover = makeHandover(legacy, identity, size, this.root(size).toString('hex'), timeWithOffset(this.options.now()));
          await appendLine(fs, this.paths.handover, JSON.stringify(handover));
          this.handover = handover;
        });
      } catch {
        // A folder that cannot be written now (read-only, full) keeps the old key: handed over next time.
        return;
      }
    }
    await fs.rm(legacyIdentityFile(auditDir), { force: true }).catch(() => undefined);
  }

  /** Runs work after everything queued before it: appends land in call order and reads see them. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Appends one event; resolves once its line is on the disk. Events recorded while a flush is under
   * way share the next write and flush, so an import of 500 rows does not wait for 500 flushes.
   */
  record(event: AuditEvent): Promise<AuditEntry> {
    return new Promise((resolve, reject) => {
      this.pending.push({ event, resolve, reject });
      if (this.pending.length === 1) void this.serial(() => this.writePending());
    });
  }

  /** Resolves once every event recorded so far is written (or has failed, counted in writeFailures). */
  settled(): Promise<void> {
    return this.serial(async () => undefined);
  }

  /** Events that could not be written (a full or failing disk), since the app started. */
  writeFailures = 0;

  private async writePending(): Promise<void> {
    const batch = this.pending.splice(0);
    const entries: AuditEntry[] = [];
    const leaves: Hash[] = [];
    const lines: string[] = [];
    for (const { event } of batch) {
      const seq = this.leaves.length + entries.length;
      const prev = seq === 0 ? GENESIS : (leaves[leaves.length - 1] ?? this.leaves[seq - 1]!).toString('hex');
      const rest = {
        at: timeWithOffset(this.options.now()),
        installation: this.options.identity.installationId,
        officer: this.options.identity.officer(),
        kind: event.kind,
        subject: event.subject,
      };
      const line = entryLine(prev, seq, rest);
      entries.push({ prev, seq, ...rest });
      leaves.push(leafHash(Buffer.from(line)));
      lines.push(line);
    }
    try {
      this.log ??= await LineAppender.open(this.options.fs, this.paths.log);
      await this.log.append(lines.join('\n'));
    } catch (error) {
      this.writeFailures += batch.length;
      batch.forEach(({ reject }) => reject(error));
      return;
    }
    const every = this.options.checkpointEvery ?? CHECKPOINT_EVERY;
    for (const leaf of leaves) {
      this.leaves.push(leaf);
      if (this.leaves.length % every === 0) await this.signCheckpoint().catch(() => undefined);
    }
    batch.forEach(({ resolve }, i) => resolve(entries[i]!));
  }

  private async signCheckpoint(): Promise<Checkpoint> {
    const size = this.leaves.length;
    const root = this.root(size);
    // Signed over the log as it is now, even where an older checkpoint of the same size says otherwise.
    const existing = this.checkpoints.find((c) => c.installation === this.installationId && c.size === size && c.root === root.toString('hex'));
    if (existing) return existing;
    const { identity } = this.options;
    const checkpoint = makeCheckpoint(identity.installationId, size, root, timeWithOffset(this.options.now()), (m) => identity.sign(m));
    await appendLine(this.options.fs, this.paths.checkpoints, JSON.stringify(checkpoint));
    this.checkpoints.push(checkpoint);
    return checkpoint;
  }

  private root(size: number): Hash {
    return rootOf(this.leaves, 0, size, this.cache);
  }

  /** Every entry, oldest first, for the audit trail view and its exports. */
  entries(): Promise<AuditEntry[]> {
    return this.serial(() => readJsonLines<AuditEntry>(this.options.fs, this.paths.log));
  }

  /** This installation's own check of its log: the chain, its checkpoints and the countersignatures it holds. */
  verify(): Promise<AuditVerification> {
    return this.serial(() => verifyAudit({
      fs: this.options.fs,
      logFile: this.paths.log,
      checkpoints: this.checkpoints,
      countersignatures: this.countersignatures,
      owner: this.options.identity,
      peerKey: this.options.peerKey,
      handover: this.handover,
    }));
  }

  // ── What the exchange carries ────────────────────────────────────────────────────────────────

  /**
   * For a package to `peerId`: a checkpoint signed now over the whole log, with consistency proofs
   * from each checkpoint of ours the peer may hold (every one since the newest it countersigned).
   */
  checkpointsForPeer(peerId: string): Promise<CheckpointParcel> {
    return this.serial(async () => {
      const checkpoint = await this.signCheckpoint();
      const countersignedSize = Math.max(0, ...this.countersignatures.filter((c) => c.by === peerId).map((c) => c.checkpoint.size));
      const sizes = [...new Set(this.checkpoints.map((c) => c.size))].filter((s) => s >= Math.max(1, countersignedSize) && s < checkpoint.size);
      return {
        checkpoint,
        consistency: sizes.map((fromSize) => ({
          fromSize,
          proof: consistencyProof(this.leaves, fromSize, checkpoint.size, this.cache).map((h) => h.toString('hex')),
        })),
      };
    });
  }

  /**
   * A peer's parcel from a package we opened: checks its signature and that its log extends every
   * checkpoint of theirs we hold, keeps it and returns our countersignature to send back. A refused
   * parcel is recorded in our own log as well, so the discovery itself cannot be lost.
   */
  receivePeerCheckpoints(parcel: CheckpointParcel, peerKey: KeyObject): Promise<{ countersignature: Countersignature | null; problem: PeerCheckpointProblem | null }> {
    return this.serial(async () => {
      const offered = parcel.checkpoint;
      const file = this.paths.peerCheckpoints(offered.installation);
      const held = await readJsonLines<Checkpoint>(this.options.fs, file);
      const newest = held.reduce<Checkpoint | null>((a, c) => (!a || c.size > a.size ? c : a), null);
      const problem = (reason: PeerCheckpointProblem['reason']): PeerCheckpointProblem => ({
        peer: offered.installation,
        reason,
        knownSize: newest?.size ?? 0,
        offeredSize: offered.size,
      });
      let found: PeerCheckpointProblem | null = null;
      if (!checkpointSigned(offered, peerKey)) found = problem('badSignature');
      else if (newest && offered.size < newest.size) found = problem('rolledBack');
      else if (newest && offered.size === newest.size) found = offered.root === newest.root ? null : problem('rewritten');
      else if (newest) {
        const proof = parcel.consistency.find((p) => p.fromSize === newest.size);
        if (!proof) found = problem('unproven');
        else if (!verifyConsistency(newest.size, offered.size, Buffer.from(newest.root, 'hex'), Buffer.from(offered.root, 'hex'), proof.proof.map((h) => Buffer.from(h, 'hex')))) {
          found = problem('rewritten');
        }
      }
      if (found) {
        void this.record({ kind: 'audit.peerCheckpointRefused', subject: { detail: `${found.peer} ${found.reason} ${found.knownSize}→${found.offeredSize}` } });
        return { countersignature: null, problem: found };
      }
      if (!held.some((c) => c.size === offered.size)) await appendLine(this.options.fs, file, JSON.stringify(offered));
      return { countersignature: this.countersign(offered), problem: null };
    });
  }

  private countersign(checkpoint: Checkpoint): Countersignature {
    const { identity } = this.options;
    return makeCountersignature(checkpoint, identity.installationId, timeWithOffset(this.options.now()), (m) => identity.sign(m));
  }

  /**
   * For a package to `peerId`: our countersignature over the newest of its checkpoints we accepted,
   * signed again each time, so a package lost on the way is covered by the next one.
   */
  countersignatureForPeer(peerId: string): Promise<Countersignature | null> {
    return this.serial(async () => {
      const newest = (await this.peerCheckpoints(peerId)).reduce<Checkpoint | null>((a, c) => (!a || c.size > a.size ? c : a), null);
      return newest ? this.countersign(newest) : null;
    });
  }

  /** Countersignatures a peer sent back: kept when they are the peer's and over checkpoints we signed. Returns how many were new. */
  receiveCountersignatures(peerId: string, peerKey: KeyObject, received: readonly Countersignature[]): Promise<number> {
    return this.serial(async () => {
      let added = 0;
      for (const c of received) {
        const ours = this.checkpoints.find((own) => own.size === c.checkpoint.size && own.root === c.checkpoint.root && own.signature === c.checkpoint.signature);
        if (c.by !== peerId || !ours || !countersignatureSigned(c, peerKey)) continue;
        if (this.countersignatures.some((held) => held.by === c.by && held.checkpoint.size === c.checkpoint.size)) continue;
        await appendLine(this.options.fs, this.paths.countersignatures, JSON.stringify(c));
        this.countersignatures.push(c);
        added++;
      }
      return added;
    });
  }

  /** The checkpoints of `peerId` we hold: what to check that peer's whole log against (Verify's anchors). */
  peerCheckpoints(peerId: string): Promise<Checkpoint[]> {
    return readJsonLines<Checkpoint>(this.options.fs, this.paths.peerCheckpoints(peerId));
  }

  /**
   * The other side's check of a copy of a peer's audit folder: its chain, its checkpoints, our
   * countersignatures in it, and every checkpoint of theirs we hold, which a rewritten or rolled-back
   * log cannot match.
   */
  async verifyPeerLog(peerId: string, peerKey: KeyObject, folder: string): Promise<AuditVerification> {
    const { fs, identity } = this.options;
    const paths = auditPaths(folder);
    return verifyAudit({
      fs,
      logFile: paths.log,
      checkpoints: await readJsonLines<Checkpoint>(fs, paths.checkpoints),
      countersignatures: await readJsonLines<Countersignature>(fs, paths.countersignatures),
      owner: { installationId: peerId, publicKey: peerKey },
      peerKey: (id) => (id === identity.installationId ? identity.publicKey : this.options.peerKey(id)),
      anchors: await this.peerCheckpoints(peerId),
      handover: (await readJsonLines<Handover>(fs, paths.handover))[0] ?? null,
    });
  }

  /** Waits for every queued append and closes the log's file. */
  close(): Promise<void> {
    return this.serial(async () => {
      await this.log?.close();
      this.log = null;
    });
  }
}
