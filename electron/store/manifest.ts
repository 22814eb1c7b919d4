import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomicJsonFile';
import { recordSchemasFingerprint } from './shardFile';
import type { StoreFs } from './storeFs';

/** At the top of the data folder, so that losing or rolling back the whole collections folder shows. */
export const MANIFEST_FILE = 'manifest.json';
const MANIFEST_FORMAT = 'hetao-desk-manifest';

/**
 * What the store last wrote into one shard file. Records are only ever soft-deleted and every write
 * raises a revision, so the sum of revisions only grows: a file whose sum is below the manifest's is
 * an older copy put back (a sync tool, a restored folder), not an edit the manifest has not heard of.
 */
export interface ManifestEntry {
  records: number;
  revisions: number;
  sha256: string;
  /** The record schemas the file was checked with before it was written (`recordSchemasFingerprint`). */
  checkedWith?: string;
}

const Manifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  shards: z.record(
    z.string(),
    z.object({ records: z.number(), revisions: z.number(), sha256: z.string(), checkedWith: z.string().optional() }),
  ),
});

export function checksumOf(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The entry for a file whose records this app has checked; `sha256` when already known. */
export function entryOf(text: string, records: Record<string, unknown>, sha256 = checksumOf(text)): ManifestEntry {
  let revisions = 0;
  for (const record of Object.values(records)) {
    const revision = (record as { revision?: unknown }).revision;
    if (typeof revision === 'number') revisions += revision;
  }
  return { records: Object.keys(records).length, revisions, sha256, checkedWith: recordSchemasFingerprint() };
}

/** Shard paths use '/' in the manifest, so a folder moved between Windows and macOS keeps its manifest. */
function key(relativePath: string): string {
  return relativePath.split(path.sep).join('/');
}

/**
 * The files the store owns, with each one's record count, revision sum and checksum. Written
 * atomically after the shard it describes; writes are coalesced like a shard's, so concurrent saves
 * share one manifest write and an older manifest never lands after a newer one.
 */
export class ManifestFile {
  private readonly entries = new Map<string, ManifestEntry>();
  private queued: Promise<void> | null = null;
  private chain: Promise<void> = Promise.resolve();
  readonly filePath: string;

  constructor(
    dataDir: string,
    private readonly fs: StoreFs,
  ) {
    this.filePath = path.join(dataDir, MANIFEST_FILE);
  }

  /** Null when there is no usable manifest (a folder from before it, or the manifest itself lost). */
  async read(readText: (file: string) => Promise<string | null>): Promise<Map<string, ManifestEntry> | null> {
    const text = await readText(this.filePath).catch(() => null);
    if (text === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    const manifest = Manifest.safeParse(parsed);
    if (!manifest.success) return null;
    for (const [name, entry] of Object.entries(manifest.data.shards)) this.entries.set(name, entry);
    return new Map(this.entries);
  }

  entry(relativePath: string): ManifestEntry | undefined {
    return this.entries.get(key(relativePath));
  }

  /** Notes what a shard holds without writing (opening gathers every change into one write). */
  set(relativePath: string, entry: ManifestEntry): void {
    this.entries.set(key(relativePath), entry);
  }

  /** Records what a shard now holds on disk; resolves once the manifest says so too. */
  record(relativePath: string, entry: ManifestEntry): Promise<void> {
    this.entries.set(key(relativePath), entry);
    return this.persist();
  }

  /** Writes the manifest as it is in memory (after opening rebuilt it). */
  persist(): Promise<void> {
    if (!this.queued) {
      this.queued = this.chain.then(() => {
        this.queued = null;
        const shards = Object.fromEntries([...this.entries].sort(([a], [b]) => a.localeCompare(b)));
        return writeFileAtomic(this.fs, this.filePath, JSON.stringify({ format: MANIFEST_FORMAT, shards }));
      });
      // A manifest that could not be written only makes the next start less sure; the save stands.
      this.chain = this.queued.catch(() => undefined);
    }
    return this.queued;
  }
}

export function sameEntry(a: ManifestEntry | undefined, b: ManifestEntry): boolean {
  return !!a && a.sha256 === b.sha256 && a.records === b.records && a.revisions === b.revisions && a.checkedWith === b.checkedWith;
}
