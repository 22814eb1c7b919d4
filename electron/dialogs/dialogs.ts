/** What the backend may ask of the system's file dialogs; Electron's in the app, a stand-in in tests. */
export interface FileFilter {
  /** Shown to the user, e.g. "Excel workbook". */
  name: string;
  /** Without dots, e.g. ['xlsx']. */
  extensions: string[];
}

export interface Dialogs {
  /** The chosen file's path, or null if the user cancelled. */
  openFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** The chosen destination, or null if the user cancelled. */
  saveFile(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  /** The chosen folder (e.g. the exchange folder), or null if the user cancelled. */
  chooseFolder(options: { title: string }): Promise<string | null>;
}

/** For tests and the preview harness: answers with whatever the test queued, or cancels. */
export class QueuedDialogs implements Dialogs {
  readonly opened: string[] = [];
  readonly saved: string[] = [];
  private readonly openAnswers: Array<string | null> = [];
  private readonly saveAnswers: Array<string | null> = [];
  private readonly folderAnswers: Array<string | null> = [];

  answerNextOpen(path: string | null): void {
    this.openAnswers.push(path);
  }

  answerNextSave(path: string | null): void {
    this.saveAnswers.push(path);
  }

  answerNextFolder(path: string | null): void {
    this.folderAnswers.push(path);
  }

  async openFile(options: { title: string }): Promise<string | null> {
    this.opened.push(options.title);
    return this.openAnswers.shift() ?? null;
  }

  async saveFile(options: { title: string; defaultPath: string }): Promise<string | null> {
    this.saved.push(options.defaultPath);
    return this.saveAnswers.shift() ?? null;
  }

  async chooseFolder(options: { title: string }): Promise<string | null> {
    this.opened.push(options.title);
    return this.folderAnswers.shift() ?? null;
  }
}
