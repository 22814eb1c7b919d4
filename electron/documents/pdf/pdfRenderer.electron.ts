import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { ENGINE_MARGINS_INCHES, type PdfRenderOptions, type PdfRenderer } from './pdfRenderer';

/** Its own in-memory session, so the one allowed file URL never loosens the app's session. */
const PARTITION = 'pdf-render';

/**
 * Electron's PdfRenderer: each document in a hidden, sandboxed window without preload, on a session
 * that refuses every request but the document itself, printed with webContents.printToPDF once
 * `document.fonts.ready` resolves (never after a fixed wait). One document at a time, as the
 * playwright renderer does: the session has a single request filter, set for each document, so a
 * second render running alongside would refuse the first one's file.
 */
export class ElectronPdfRenderer implements PdfRenderer {
  private queue: Promise<unknown> = Promise.resolve();

  render(html: string, options: PdfRenderOptions = {}): Promise<Uint8Array> {
    const run = () => this.renderNow(html, options);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async renderNow(html: string, options: PdfRenderOptions): Promise<Uint8Array> {
    // A file rather than a data: URL: a pack's overlay document can outgrow Chromium's URL limit.
    const folder = await mkdtemp(path.join(tmpdir(), 'hetao-pdf-'));
    const file = path.join(folder, 'document.html');
    await writeFile(file, html, 'utf8');
    const url = pathToFileURL(file).href;
    const renderSession = session.fromPartition(PARTITION, { cache: false });
    renderSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== url }));
    renderSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        session: renderSession,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        // Scripts stay on only for document.fonts.ready below; the page carries a CSP with no script-src.
        javascript: true,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
      },
    });
    try {
      await window.loadURL(url);
      await window.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
      const pdf = await window.webContents.printToPDF({
        pageSize: options.pageSize ?? 'A4',
        landscape: options.landscape ?? false,
        printBackground: true,
        preferCSSPageSize: true,
        margins: { ...ENGINE_MARGINS_INCHES },
        // Bookmarks from the headings, and tags so a screen reader can read the PDF aloud.
        generateDocumentOutline: true,
        generateTaggedPDF: true,
      });
      return new Uint8Array(pdf);
    } finally {
      window.destroy();
      await rm(folder, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    // Windows are closed after each render; nothing is held between them.
  }
}
