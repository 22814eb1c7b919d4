/** Hands a PDF over for printing: to the system's PDF viewer in the app, a recording stand-in in tests. */
export interface PackPrinter {
  print(pdfPath: string): Promise<void>;
}

/** For tests and the preview harness: remembers what would have been printed. */
export class RecordingPrinter implements PackPrinter {
  readonly printed: string[] = [];

  async print(pdfPath: string): Promise<void> {
    this.printed.push(pdfPath);
  }
}
