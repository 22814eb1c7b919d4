import { chromium, type Browser } from 'playwright-core';
import type { PdfRenderOptions, PdfRenderer } from '../../electron/documents/pdf/pdfRenderer';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The PdfRenderer for tests, the e2e harness and benchmarks: the same Chromium engine as Electron's
 * printToPDF, driven by playwright-core. One browser is started on first use and shared.
 */
export class PlaywrightPdfRenderer implements PdfRenderer {
  private browser: Promise<Browser> | null = null;

  private launch(): Promise<Browser> {
    this.browser ??= chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    });
    return this.browser;
  }

  async render(html: string, options: PdfRenderOptions = {}): Promise<Uint8Array> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      // No remote content: the document is self-contained, so any request is refused.
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      // Source text: the test tsconfig has no DOM types, and the page needs no helpers of ours.
      await page.evaluate('document.fonts.ready.then(() => true)');
      const pdf = await page.pdf({
        format: options.pageSize ?? 'A4',
        landscape: options.landscape ?? false,
        printBackground: true,
        preferCSSPageSize: true,
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser).close();
  }
}
