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
 * Guards `before-quit`: nothing quits while changes are still only in memory unless the user says so.
 * "Retry" writes again; if that fails too, or the user goes back, the window comes back (on Windows and
 * Linux closing the last window is what started the quit, so without this no window would be left).
 */
export function createQuitGuard(host: QuitGuardHost): (event: { preventDefault(): void }) => void {
  let saved = false;
  let busy = false;

  const leave = () => {
    saved = true;
    host.quit();
  };

  const saveThenQuit = async () => {
    try {
      await host.save();
      return leave();
    } catch (error) {
      const choice = await host.ask(error);
      if (choice === 'discard') return leave();
      if (choice === 'retry') {
        try {
          await host.save();
          return leave();
        } catch {
          // Still failing: the window's banner says why and offers Retry saving.
        }
      }
      host.showWindow();
    }
  };

  return (event) => {
    if (saved) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    void saveThenQuit().finally(() => (busy = false));
  };
}
