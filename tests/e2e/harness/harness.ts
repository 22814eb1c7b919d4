import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApi } from '../../../shared/ipc/buildApi';
import type { HetaoApi, MenuCommand } from '../../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/contentSecurityPolicy';
import { performance } from 'node:perf_hooks';
import type { Dispatch } from '../../../electron/backend/dispatcher';
import { dispatchWhenOpen, openBackend, type Backend, type BackendOptions } from '../../../electron/backend/openBackend';
import { QueuedDialogs } from '../../../electron/dialogs/dialogs';
import { contentTypeOf, resolveAsset } from '../../../electron/protocol/assetResolver';
import { RecordingPrinter } from '../../../electron/pack/packPrinter';
import { PlaywrightPdfRenderer } from '../../support/pdfRenderer.playwright';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const rendererDir = path.join(repoRoot, 'dist/renderer');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface HarnessOptions {
  dataDir: string;
  headless?: boolean;
  systemLocale?: string;
  viewport?: { width: number; height: number };
  backend?: Partial<BackendOptions>;
}

export interface Harness {
  page: Page;
  origin: string;
  /** performance.now() when the backend began to open (the browser already running), for the cold-start benchmark. */
  openingStartedAt: number;
  /**
   * The app's own API, called on the backend from the test as the window's calls are: for records a
   * test needs in place before the steps it is about, and for reading back what was stored.
   */
  api: HetaoApi;
  /** Folders the app asked the OS to open (the stand-in for shell.openPath). */
  openedFolders: string[];
  /** The stand-in for the system's open and save dialogs: queue the file a user would pick. */
  dialogs: QueuedDialogs;
  /** The stand-in for the system print dialog: the PDFs the app asked to print. */
  printer: RecordingPrinter;
  /** Quits and starts the app again on the same data folder, like closing and reopening it. */
  restart(): Promise<void>;
  sendMenuCommand(command: MenuCommand): Promise<void>;
  close(): Promise<void>;
}

/** Serves the built renderer with the same path check and CSP as the app:// protocol. */
async function serveRenderer(): Promise<{ server: Server; origin: string }> {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first');
  }
  const server = createServer((request, response) => {
    const file = resolveAsset(rendererDir, new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!file) return void response.writeHead(403).end('Forbidden');
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'content-type': contentTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY })
          .end(body),
      () => response.writeHead(404).end('Not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function bridgeScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'tests/e2e/harness/bridge.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

export async function launchChromium(headless = true): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The app without Electron: the built renderer in Debian's Chromium, with the real backend (real
 * store on a real data folder) bridged in where the preload would be.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const { server, origin } = await serveRenderer();
  const dialogs = new QueuedDialogs();
  const openedFolders: string[] = [];
  const printer = new RecordingPrinter();
  // Chromium starts only when a PDF is first asked for.
  const pdfRenderer = new PlaywrightPdfRenderer();
  const open = () =>
    openBackend({
      dataDir: options.dataDir,
      appVersion: '0.0.0-harness',
      systemLocale: options.systemLocale ?? 'zh-HK',
      appOrigin: origin,
      openFolder: async (folder) => void openedFolders.push(folder),
      dialogs,
      pdfRenderer,
      printer,
      ...options.backend,
    });
  let page: Page | null = null;
  // The stand-in for webContents.send on the task-progress channel.
  const forwardProgress = (b: Backend) =>
    b.onTaskProgress((progress) => {
      void page?.evaluate((p) => (globalThis as unknown as { __hetaoProgress?(p: unknown): void }).__hetaoProgress?.(p), progress).catch(() => undefined);
    });

  const browser = await launchChromium(options.headless ?? true);
  const context: BrowserContext = await browser.newContext({
    viewport: options.viewport ?? { width: 1320, height: 860 },
    locale: 'zh-HK',
  });
  // No remote content, as in the app: only the renderer's own origin is reachable.
  await context.route('**/*', (route) =>
    route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient'),
  );
  // Arguments and results cross as JSON text (see bridge.ts); the dispatcher sees plain values, as
  // it does behind Electron's IPC.
  await context.addInitScript({ content: await bridgeScript() });
  page = await context.newPage();
  // The bridge is in place before the data starts to open, as the preload and IPC handlers are in the app.
  let dispatch: Dispatch = () => Promise.reject(new Error('the backend has not started opening'));
  await context.exposeBinding('__hetaoInvoke', async (source, channel: string, input: string | undefined) => {
    const sender = { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() };
    const result = await dispatch(channel, input === undefined ? undefined : JSON.parse(input), sender);
    return JSON.stringify(result);
  });
  // As in the app: the page loads while the data opens, and its calls wait for it.
  const openingStartedAt = performance.now();
  let opening = open();
  // Awaited below, after the page has loaded; a failure to open must not count as unhandled meanwhile.
  opening.catch(() => undefined);
  dispatch = dispatchWhenOpen(opening);
  await page.goto(`${origin}/index.html`);
  let backend: Backend = await opening;
  forwardProgress(backend);

  const sender = { url: `${origin}/index.html`, isMainFrame: true };
  return {
    page,
    origin,
    openingStartedAt,
    api: buildApi((channel, input) => backend.dispatch(channel, input, sender), () => () => undefined),
    openedFolders,
    dialogs,
    printer,
    async restart() {
      await backend.close();
      opening = open();
      dispatch = dispatchWhenOpen(opening);
      backend = await opening;
      forwardProgress(backend);
      await page!.reload();
    },
    async sendMenuCommand(command) {
      await page!.evaluate((c) => (globalThis as unknown as { __hetaoMenu(c: string): void }).__hetaoMenu(c), command);
    },
    async close() {
      await browser.close();
      await pdfRenderer.close();
      await backend.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
