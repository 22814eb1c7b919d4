/** What the user chose when changes could not be written before quitting. */
export type UnsavedChoice = 'retry' | 'back' | 'discard';

export interface QuitGuardHost {
  /** Writes every change not yet on disk, trying again what failed before; rejects with the reason. */
  save(): Promise<void>;
  /** Asks the user what to do about changes that could not be written. */
  ask(error: unknown): Promise<UnsavedChoice>;
  /** Brings the main window back, opening a new one if the last was closed. */
  showWindow(): void;
  /** Quits for real (the guard lets this one through). */
  quit(): void;
}

/**
 * Writes what is only in memory before the app lets go of it (quitting, locking). When the disk
 * refuses, the user chooses: "Retry" writes again, "Discard" lets go anyway, "Back" keeps it.
 * Resolves to whether to go ahead; the rejected writes stay in the window's banner otherwise.
 */
export async function saveOrAsk(host: Pick<QuitGuardHost, 'save' | 'ask'>): Promise<'saved' | 'discard' | 'back'> {
  try {
    await host.save();
    return 'saved';
  } catch (error) {
    const choice = await host.ask(error);
    if (choice !== 'retry') return choice;
    try {
      await host.save();
      return 'saved';
    } catch {
      // Still failing: the window's banner says why and offers Retry saving.
      return 'back';
    }
  }
}

/**
 * Guards `before-quit`: nothing quits while changes are still only in memory unless the user says so.
 * If saving fails again, or the user goes back, the window comes back (on Windows and Linux closing
 * the last window is what started the quit, so without this no window would be left).
 */
export function createQuitGuard(host: QuitGuardHost): (event: { preventDefault(): void }) => void {
  let saved = false;
  let busy = false;

  const saveThenQuit = async () => {
    if ((await saveOrAsk(host)) === 'back') return host.showWindow();
    saved = true;
    host.quit();
  };

  return (event) => {
    if (saved) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    void saveThenQuit().finally(() => (busy = false));
  };
}
