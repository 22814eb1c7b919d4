import { describe, expect, it, vi } from 'vitest';

// A stand-in for Electron's windows and sessions: each window's load waits until the test lets it
// finish, and printToPDF records its options and whether the session's filter lets its page through.
const recorded = vi.hoisted(() => ({
  filter: null as null | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
  windowsOpen: 0,
  mostWindowsOpen: 0,
  loads: [] as Array<() => void>,
  printed: [] as Array<{ options: Record<string, unknown>; pageAllowed: boolean }>,
}));

vi.mock('electron', () => ({
  session: {
    fromPartition: () => ({
      webRequest: { onBeforeRequest: (filter: typeof recorded.filter) => (recorded.filter = filter) },
      setPermissionRequestHandler: () => undefined,
    }),
  },
  BrowserWindow: class {
    private url = '';
    constructor() {
      recorded.windowsOpen++;
      recorded.mostWindowsOpen = Math.max(recorded.mostWindowsOpen, recorded.windowsOpen);
    }
    loadURL(url: string) {
      this.url = url;
      return new Promise<void>((resolve) => recorded.loads.push(resolve));
    }
    webContents = {
      executeJavaScript: async () => true,
      printToPDF: async (options: Record<string, unknown>) => {
        let cancel = true;
        recorded.filter!({ url: this.url }, (r) => (cancel = r.cancel));
        recorded.printed.push({ options, pageAllowed: !cancel });
        return Buffer.from('%PDF-1.7');
      },
    };
    destroy() {
      recorded.windowsOpen--;
    }
  },
}));

const { ElectronPdfRenderer } = await import('../../../electron/documents/pdf/pdfRenderer.electron');

/** Lets every load that is waiting finish, until the given renders are done. */
async function finishLoads(...renders: Promise<unknown>[]) {
  let done = false;
  void Promise.all(renders).then(() => (done = true));
  while (!done) {
    recorded.loads.splice(0).forEach((finish) => finish());
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("Electron's PDF renderer", () => {
  it('renders overlapping documents one at a time, so each page passes its own request filter', async () => {
    const renderer = new ElectronPdfRenderer();
    const first = renderer.render('<p>一</p>');
    const second = renderer.render('<p>二</p>');
    await finishLoads(first, second);
    expect(recorded.mostWindowsOpen).toBe(1);
    expect(recorded.printed.map((p) => p.pageAllowed)).toEqual([true, true]);
    expect(new TextDecoder().decode(await second)).toBe('%PDF-1.7');
  });

  it('asks for no margins of its own, bookmarks from the headings and a tagged PDF', async () => {
    recorded.printed = [];
    const renderer = new ElectronPdfRenderer();
    const rendering = renderer.render('<h1>會議文件包</h1>', { pageSize: 'A3', landscape: true });
    await finishLoads(rendering);
    expect(recorded.printed[0]!.options).toEqual({
      pageSize: 'A3',
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
      margins: { top: 0, right: 0, bottom: 0, left: 0 },
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    });
  });
});
