import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { AppError } from '../../../shared/ipc/errors';

/** How a long render reports how far it got and learns that the user cancelled. */
export interface RenderProgress {
  signal?: AbortSignal;
  /** Called with units done (rows, records) as work advances. */
  advance?: (done: number) => void;
}

const STEP = 500;

/**
 * Called once per unit of work: every few hundred units it reports progress and lets the event loop
 * run (so the window stays responsive during a long export), and stops with export.cancelled once
 * the user cancelled.
 */
export async function checkpoint(done: number, progress: RenderProgress | undefined): Promise<void> {
  if (!progress || done % STEP !== 0) return;
  progress.advance?.(done);
  await yieldToLoop();
  if (progress.signal?.aborted) throw new AppError('export.cancelled');
}
