import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { BACKUPS_DIR, DAMAGED_DIR } from '../store/layout';
import { SEAL_FAILED } from '../store/readDataFile';
import type { LineCodec, StoreFs } from '../store/storeFs';
import { isSealedFile, openFile, sealFile } from './sealed';

/**
 * The store's file system with every file under the data folder sealed: what the store writes is
 * encrypted on its way to the disk and opened on its way back, so the store, its backups and its
 * recovery work unchanged and nothing of the records reaches the disk in plain form. Links, copies
 * and renames move sealed bytes as they are.
 *
 * Each file is bound to its place in the folder (collections/actions/07.json), the same whether it
 * is the live file, a temporary file about to replace it, or its copy in a save point, so a backup
 * restores, while a file put in another's place fails to open and is handled as damage.
 */
export function sealedFs(base: StoreFs, dataDir: string, dataKey: Buffer): StoreFs {
  const root = path.resolve(dataDir);
  // Each file's revision as last read or written: the next write seals the one after it.
  const revisions = new Map<string, number>();
  const bindingOf = (filePath: string) => folderBinding(root, filePath);

  const readFile = (async (filePath: Parameters<StoreFs['readFile']>[0], encoding?: unknown) => {
    const raw = await base.readFile(filePath);
    const binding = typeof filePath === 'string' ? bindingOf(filePath) : null;
    let bytes: Buffer = raw;
    if (binding !== null && isSealedFile(raw)) {
      let opened: ReturnType<typeof openFile>;
      try {
        opened = openFile(dataKey, raw, binding);
      } catch (error) {
        throw Object.assign(new Error(`did not open: ${binding}`, { cause: error }), { code: SEAL_FAILED });
      }
      revisions.set(binding, Math.max(revisions.get(binding) ?? 0, opened.revision));
      bytes = opened.plain;
    } else if (binding !== null) {
      // A plain file where only sealed ones belong: planted or left from before encryption. The store
      // treats it as damage and takes the file from its sealed save points.
      throw Object.assign(new Error(`not sealed: ${binding}`), { code: SEAL_FAILED });
    }
    return encoding ? bytes.toString(encoding as BufferEncoding) : bytes;
  }) as StoreFs['readFile'];

  const open = (async (filePath: Parameters<StoreFs['open']>[0], flags?: Parameters<StoreFs['open']>[1], mode?: Parameters<StoreFs['open']>[2]) => {
    const handle = await base.open(filePath, flags, mode);
    const binding = typeof filePath === 'string' ? bindingOf(filePath) : null;
    if (binding === null || flags !== 'w') return handle;
    const sealing: Pick<FileHandle, 'writeFile'> = {
      writeFile: (content) => {
        const revision = (revisions.get(binding) ?? 0) + 1;
        revisions.set(binding, revision);
        const plain = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content as Uint8Array);
        return handle.writeFile(sealFile(dataKey, plain, { relativePath: binding, revision }));
      },
    };
    // Only writing whole files is sealed; the store never writes a file piece by piece.
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'writeFile') return sealing.writeFile;
        if (property === 'write') return refusePieces;
        const value: unknown = Reflect.get(target, property, target);
        // FileHandle's methods reach private fields: they must run on the handle, not on the proxy.
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }) as StoreFs['open'];

  const lines: LineCodec = {
    seal: (file, line) => sealLine(dataKey, bindingOf(file) ?? file, line),
    open: (file, line) => openLine(dataKey, bindingOf(file) ?? file, line),
  };

  return { ...base, readFile, open, lines };
}

/** A sealed line starts with this; a JSON line (written before the folder was encrypted) with "{". */
const SEALED_LINE = '~';

/** One line of an append-only file, sealed on its own and bound to the file's place in the folder. */
function sealLine(dataKey: Buffer, binding: string, line: string): string {
  return SEALED_LINE + sealFile(dataKey, Buffer.from(line, 'utf8'), { relativePath: binding, revision: 0 }).toString('base64');
}

export const isSealedLine = (line: string) => line.startsWith(SEALED_LINE);

/** The line as written: opened if sealed, as it is if it is plain (from before encryption). */
function openLine(dataKey: Buffer, binding: string, line: string): string {
  if (!isSealedLine(line)) return line;
  return openFile(dataKey, Buffer.from(line.slice(SEALED_LINE.length), 'base64'), binding).plain.toString('utf8');
}

/**
 * A file's place in the data folder, the same for the live file, a temporary file about to replace
 * it and its copies in save points; null for a file outside the folder (left alone).
 */
export function folderBinding(dataDir: string, filePath: string): string | null {
  const relative = path.relative(path.resolve(dataDir), path.resolve(filePath));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const parts = relative.split(path.sep);
  // backups/<save point>/…, damaged/<time>/…: the same file as in the live folder.
  if ((parts[0] === BACKUPS_DIR || parts[0] === DAMAGED_DIR) && parts.length > 2) parts.splice(0, 2);
  // x.json.1a2b3c4d.tmp is about to become x.json.
  parts[parts.length - 1] = parts[parts.length - 1]!.replace(/\.[0-9a-f]{8}\.tmp$/, '');
  return parts.join('/');
}

function refusePieces(): never {
  throw new Error('sealed files are written whole');
}
