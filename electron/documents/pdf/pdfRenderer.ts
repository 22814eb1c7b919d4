import type { Script } from '../../../shared/script/script';

/**
 * The app's one HTML → PDF path. Chromium lays out the page (Electron's printToPDF in the app,
 * playwright-core's page.pdf in tests), so what is printed is what the HTML says, CJK fonts included.
 * Callers pass a self-contained document: no scripts, no remote content (adapters block any request).
 */
export interface PdfRenderOptions {
  /** Paper size when the document's CSS `@page { size }` does not set one. Default A4. */
  pageSize?: 'A4' | 'A3';
  landscape?: boolean;
}

/**
 * Margins every engine is given, in inches: none, so each document's own CSS (`@page` margins, the
 * pack's full-page separators and running headers) decides alone. Electron's printToPDF otherwise
 * adds 0.4 in; playwright's page.pdf adds nothing.
 */
export const ENGINE_MARGINS_INCHES = { top: 0, right: 0, bottom: 0, left: 0 } as const;

export interface PdfRenderer {
  /** Lays the document out once its fonts are ready and returns the PDF's bytes. */
  render(html: string, options?: PdfRenderOptions): Promise<Uint8Array>;
  /** Frees the browser or window it holds; later renders start a new one. */
  close(): Promise<void>;
}


/**
 * Real fonts named per script, Windows and macOS first, then the Noto CJK faces Linux machines
 * (and CI) have, so Chromium picks glyphs of the right regional form and never shows tofu.
 */
export const fontStacks: Record<Script, { serif: string; sans: string }> = {
  hant: {
    serif: '"PMingLiU", "MingLiU", "Songti TC", "Noto Serif CJK HK", "Noto Serif CJK TC", serif',
    sans: '"Microsoft JhengHei", "PingFang HK", "PingFang TC", "Noto Sans CJK HK", "Noto Sans CJK TC", sans-serif',
  },
  hans: {
    serif: '"SimSun", "Songti SC", "Noto Serif CJK SC", serif',
    sans: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif',
  },
};

/** Text placed into generated HTML: escaped so names and notes can never become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The CSP every rendered document carries: inline styles and data: images and fonts, nothing else. */
export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";
