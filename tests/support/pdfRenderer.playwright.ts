import { chromium, type Browser, type Page } from 'playwright-core';
import { ENGINE_MARGINS_INCHES, type PdfRenderOptions, type PdfRenderer } from '../../electron/documents/pdf/pdfRenderer';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The PdfRenderer for tests, the e2e harness and benchmarks: the same Chromium engine as Electron's
 * printToPDF, driven by playwright-core. One browser and one page are started on first use and
 * reused, one document at a time (a fresh context costs more than laying out a page).
 */
export class PlaywrightPdfRenderer implements PdfRenderer {
  private started: Promise<{ browser: Browser; page: Page }> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** How many documents were rendered, so tests can check work is not repeated. */
  renders = 0;

  private start(): Promise<{ browser: Browser; page: Page }> {
    this.started ??= (async () => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
      });
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      // No remote content: documents are self-contained, so any request is refused.
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      return { browser, page: await context.newPage() };
    })();
    return this.started;
  }

  render(html: string, options: PdfRenderOptions = {}): Promise<Uint8Array> {
    const run = async () => {
      const { page } = await this.start();
      await page.setContent(html, { waitUntil: 'load' });
      // Source text: the test tsconfig has no DOM types, and the page needs no helpers of ours.
      await page.evaluate('document.fonts.ready.then(() => true)');
      const pdf = await page.pdf({
        format: options.pageSize ?? 'A4',
        landscape: options.landscape ?? false,
        printBackground: true,
        preferCSSPageSize: true,
        margin: Object.fromEntries(Object.entries(ENGINE_MARGINS_INCHES).map(([side, inches]) => [side, `${inches}in`])),
        // As Electron's printToPDF with generateTaggedPDF: headings, tables and the document's language
        // reach a screen reader reading the PDF.
        tagged: true,
      });
      this.renders++;
      return new Uint8Array(pdf);
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    const started = this.started;
    this.started = null;
    if (started) await (await started).browser.close();
  }
}
