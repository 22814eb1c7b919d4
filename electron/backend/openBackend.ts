import type { AppInfo, StartupNotice } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { SCHEMA_VERSION } from '../../shared/model/dataset';
import { languageForLocale, type Language } from '../../shared/model/language';
import type { Settings } from '../../shared/model/settings';
import { ActionService } from '../actions/actionService';
import { ContactFiles } from '../contacts/contactFiles';
import { ContactService } from '../contacts/contactService';
import { meetingsFeature } from '../meetings/meetingHandlers';
import { arrangementFeature } from '../arrangement/arrangementHandlers';
import type { Dialogs } from '../dialogs/dialogs';
import { translator } from '../i18n/translator';
import { nodeFs } from '../store/storeFs';
import { seedWorkingGroup } from '../seed/seedWorkingGroup';
import { SettingsService } from '../settings/settingsService';
import type { BackupPolicy } from '../store/backups';
import { Store } from '../store/store';
import type { StoreFs } from '../store/storeFs';
import { SubGroupService } from '../subGroups/subGroupService';
import { ContentConverter } from '../script/contentConverter';
import { GlossaryService } from '../script/glossaryService';
import { setAttachedRegisters } from '../registers/attachments';
import { spaceRegisters } from '../registers/spaceRegisters';
import { policyRegisters } from '../registers/policyRegisters';
import { seedPolicyMeasures } from '../seed/seedPolicyMeasures';
import { renameSeedRecords } from '../seed/renameSeedRecords';
import type { TaskProgress } from '../../shared/tasks/progress';
import { OutputWriter } from '../documents/output/outputWriter';
import type { PdfRenderer } from '../documents/pdf/pdfRenderer';
import { PackService } from '../pack/packService';
import { Distribution } from '../pack/distribution';
import { RecordingPrinter, type PackPrinter } from '../pack/packPrinter';
import { Tasks } from '../tasks/tasks';
import { ExportService } from '../exports/exportService';
import { SearchService } from '../search/searchService';
import { exchangeHandlers } from '../exchange/exchangeHandlers';
import { ExchangeService } from '../exchange/exchangeService';
import { ExchangeState } from '../exchange/exchangeState';
import { auditIdentityOf, peerAuditKeys } from '../exchange/packageAudit';
import { createDispatcher, refusingHandlers, type Dispatch, type Handlers } from './dispatcher';
import { openLockableBackend, type LockableBackend } from './lockableBackend';
import type { OsKeystore } from '../crypto/keyring';
import type { Argon2Params } from '../crypto/passphraseKey';
import * as path from 'node:path';
import { AUDIT_DIR } from '../audit/auditFiles';
import { AuditTrail } from '../audit/auditTrail';
import { auditStoreWrites, withAuditEvents } from '../audit/auditEvents';
import { auditHandlers } from '../audit/auditHandlers';

/** The side effects the backend needs from its host (Electron in the app, Node in tests). */
export interface BackendOptions {
  dataDir: string;
  appVersion: string;
  /** The OS locale, e.g. zh-HK: picks the first-run language. */
  systemLocale: string;
  /** Origin of the app's own pages; calls from anywhere else are refused. */
  appOrigin: string;
  /** Opens a folder in the system file manager. */
  openFolder: (folder: string) => Promise<void>;
  /** The system's open and save dialogs. */
  dialogs: Dialogs;
  now?: () => Date;
  fs?: StoreFs;
  backupPolicy?: BackupPolicy;
  /** The HTML → PDF engine (Electron's printToPDF; Chromium via playwright in tests). Without it PDF output is refused. */
  pdfRenderer?: PdfRenderer;
  /** The system print dialog for PDFs; without it nothing is printed (a recording stand-in). */
  printer?: PackPrinter;
  /** Where the host logs its errors, shown in Settings → About. */
  logFile?: string;
  /** The passphrase's key derivation when encryption is turned on; calibrated on the laptop when left out. */
  kdf?: Argon2Params;
  /** The operating system's keystore for quick unlock (Electron's safeStorage); without it quick unlock is unavailable. */
  keystore?: OsKeystore;
}

/** What opening the unlocked folder needs beyond the host's options: the lock calls to serve. */
/** `dataKey`: the unlocked folder's key, or null for a folder that is not encrypted. */
type FolderOptions = BackendOptions & { lock: Handlers['lock']; dataKey: Buffer | null };

export interface Backend {
  dispatch: Dispatch;
  /** The UI language, for the window title and menus. */
  language(): Language;
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
  /** Progress of long tasks, for the host to pass on to the window. */
  onTaskProgress(listener: (progress: TaskProgress) => void): () => void;
  /** Writes everything not yet on disk (again, if it failed before) and takes a last backup. */
  close(): Promise<void>;
}

/**
 * Calls made while the backend is still opening wait for it, so the host can show the window (and
 * its loading state) at once instead of after the store has loaded.
 */
export function dispatchWhenOpen(opening: Promise<Backend>): Dispatch {
  return async (channel, input, sender) => (await opening).dispatch(channel, input, sender);
}

/**
 * Opens the data folder and wires the services to the IPC contract. The one composition root for
 * Electron's main process and for the browser test harness, so both run the same handlers. An
 * encrypted folder stays locked, and nothing of it is read, until it is unlocked.
 */
export function openBackend(options: BackendOptions): Promise<LockableBackend> {
  return openLockableBackend(options, openFolder);
}

/** The unlocked folder, its files read and written through `options.fs` (sealed when encrypted). */
async function openFolder(options: FolderOptions): Promise<Backend> {
  const systemLanguage = languageForLocale(options.systemLocale);
  // The installation's identity comes first: every local write is stamped with its id.
  const exchangeState = await ExchangeState.open(options.dataDir, options.now ?? (() => new Date()), options.fs);
  const opened = await Store.open({
    installationId: exchangeState.data.identity.id,
    dataDir: options.dataDir,
    fs: options.fs,
    now: options.now,
    backupPolicy: options.backupPolicy,
  });

  const info = (backupsFolder: string, dataProblem: AppInfo['dataProblem']): AppInfo => ({
    version: options.appVersion,
    dataFolder: options.dataDir,
    backupsFolder,
    logFile: options.logFile ?? null,
    schemaVersion: SCHEMA_VERSION,
    systemLanguage,
    dataProblem,
  });

  if (opened.status !== 'ready') {
    const problem: NonNullable<AppInfo['dataProblem']> =
      opened.status === 'newerVersion'
        ? { kind: 'newerVersion', found: opened.found, supported: opened.supported }
        : opened.status === 'backupsOnly'
          ? { kind: 'backupsOnly', savePoints: opened.savePoints }
          : { kind: 'cannotCreate', folder: opened.folder };
    return limitedBackend(options, info('', problem), systemLanguage);
  }

  const { store } = opened;
  if (exchangeState.isNew) await exchangeState.save();
  // Seed records from before their ids were derived take them, while no peer knows the old ones.
  if (!store.readOnly && !exchangeState.hasExchanged) await renameSeedRecords(store);
  // The host's effects, or Node's own where the host leaves them out (tests).
  const now = options.now ?? (() => new Date());
  const fs = options.fs ?? nodeFs;
  const printer = options.printer ?? new RecordingPrinter();
  const pdfRenderer = options.pdfRenderer ?? null;
  const notices: StartupNotice[] = [...opened.notices];
  if (opened.isNew) {
    await seedWorkingGroup(store);
    notices.push({ kind: 'seeded' });
  }
  // A read-only folder is shown as it is: nothing is added to it, not even what new versions seed.
  const seeding = !store.readOnly;
  const settings = new SettingsService(store, systemLanguage);
  const subGroups = new SubGroupService(store, now);
  const actions = new ActionService(store, now);
  const contacts = new ContactService(store, () => settings.currentLanguage());
  const contactFiles = new ContactFiles({
    contacts,
    subGroups: () => subGroups.list(),
    dialogs: options.dialogs,
    fs,
    t: () => translator(settings.currentLanguage()),
  });
  const glossary = new GlossaryService(store);
  if (seeding) await glossary.seedIfNeverSeeded();
  const converter = new ContentConverter(store, () => ({ glossary: glossary.glossary(), quotes: settings.quoteMarks() }), now);
  const registerOptions = { store, dialogs: options.dialogs, fs, t: () => translator(settings.currentLanguage()) };
  const space = spaceRegisters({ ...registerOptions, now, language: () => settings.currentLanguage() });
  // New data folders, and folders from before the policy register, start with the arrangement's measures.
  if (seeding) await seedPolicyMeasures(store);
  const policy = policyRegisters({ ...registerOptions, now });
  const meetings = meetingsFeature({
    store,
    actions,
    dialogs: options.dialogs,
    dataDir: options.dataDir,
    dataKey: options.dataKey,
    t: () => translator(settings.currentLanguage()),
    now,
    openFile: options.openFolder,
  });
  const arrangement = arrangementFeature({
    store,
    attachments: meetings.attachments,
    dialogs: options.dialogs,
    language: () => settings.currentLanguage(),
    now,
  });
  const tasks = new Tasks();
  const distribution = new Distribution({ store, now, officer: () => exchangeState.data.identity.officerContactId });
  const pack = new PackService({
    packData: (meetingId) => meetings.service.packData(meetingId),
    field: (record, field, script) => converter.field(record, field, script),
    convert: (text, script) => converter.convert(text, script),
    readPaper: (attachment) => meetings.attachments.read(attachment),
    contact: (id) => store.get('contacts', id),
    distribution,
    renderer: pdfRenderer,
    printer,
    dialogs: options.dialogs,
    output: new OutputWriter(fs),
    tasks,
    translator,
    uiLanguage: () => settings.currentLanguage(),
    now,
  });
  // The audit trail watches every store write from here on (seeding above is the app's, not an officer's).
  // The exchange identity signs it; the enrolled peers countersign it through the packages.
  const auditDir = path.join(options.dataDir, AUDIT_DIR);
  const audit = await AuditTrail.open({ auditDir, fs, identity: auditIdentityOf(exchangeState), now, peerKey: peerAuditKeys(exchangeState) });
  auditStoreWrites(store, audit);
  const exportService = new ExportService({
    store,
    actions,
    auditEntries: () => audit.entries(),
    converter,
    dialogs: options.dialogs,
    fs,
    pdf: pdfRenderer,
    printer,
    scratch: meetings.scratch,
    tasks,
    openFolder: options.openFolder,
    lastFolder: { get: () => settings.exportFolder(), set: (folder) => settings.setExportFolder(folder) },
    language: () => settings.currentLanguage(),
    now,
  });
  const search = new SearchService(store);
  const exchange = new ExchangeService({
    store,
    state: exchangeState,
    attachments: meetings.attachments,
    audit,
    dialogs: options.dialogs,
    language: () => settings.currentLanguage(),
    t: () => translator(settings.currentLanguage()) as (key: string, params?: Record<string, unknown>) => string,
    now,
  });
  const appInfo = info(store.backupsFolder, null);

  const handlers: Handlers = withAuditEvents({
    app: {
      info: async () => appInfo,
      startupNotices: async () => notices,
      openDataFolder: () => options.openFolder(options.dataDir),
    },
    store: {
      saveStatus: async () => store.saveStatus(),
      retrySave: () => store.retrySave(),
      restoreSavePoint: async () => {
        throw new AppError('store.collectionsPresent');
      },
    },
    settings: {
      get: () => settings.get(),
      setLanguage: (language) => settings.setLanguage(language),
      setQuoteMarks: (quoteMarks) => settings.setQuoteMarks(quoteMarks),
    },
    workingGroup: {
      get: async () => {
        const group = store.list('workingGroup')[0];
        if (!group) throw new AppError('store.unavailable');
        return group;
      },
    },
    subGroups: {
      list: async () => subGroups.list(),
      create: (input) => subGroups.create(input),
      update: ({ id, revision, fields }) => subGroups.update(id, revision, fields),
      archive: ({ id }) => subGroups.archive(id),
      restore: ({ id }) => subGroups.restore(id),
      reorder: ({ ids }) => subGroups.reorder(ids),
      setRegisters: ({ id, revision, registers }) => setAttachedRegisters(store, id, revision, registers),
    },
    contacts: {
      list: async ({ includeDeleted }) => contacts.list({ includeDeleted }),
      create: (fields) => contacts.create(fields),
      update: ({ id, revision, contact }) => contacts.update(id, revision, contact),
      delete: ({ id }) => contacts.delete(id),
      restore: ({ id }) => contacts.restore(id),
      importPreview: () => contactFiles.importPreview(),
      importCommit: ({ token }) => contactFiles.importCommit(token),
    },
    actions: {
      list: async ({ subGroupId, offset, limit }) => actions.list(subGroupId, offset, limit),
      get: async ({ id }) => actions.get(id),
      create: ({ subGroupId, fields }) => actions.create(subGroupId, fields),
      update: ({ id, revision, fields }) => actions.update(id, revision, fields),
      addProgress: (input) => actions.addProgress(input),
      delete: ({ id }) => actions.delete(id),
      restore: ({ id }) => actions.restore(id),
      search: async ({ subGroupId, text }) => actions.search(subGroupId, text),
      overview: async () => actions.overview(),
    },
    script: {
      glossary: async ({ includeDeleted }) => glossary.list({ includeDeleted }),
      createTerm: (term) => glossary.create(term),
      updateTerm: ({ id, revision, term }) => glossary.update(id, revision, term),
      deleteTerm: ({ id }) => glossary.delete(id),
      restoreTerm: ({ id }) => glossary.restore(id),
      review: ({ script, fields }) => converter.review(fields, script),
      setOverride: (input) => converter.setOverride(input),
    },
    meetings: meetings.handlers,
    arrangement: arrangement.handlers,
    spaceUnits: space.handlers.spaceUnits,
    tenants: space.handlers.tenants,
    ...policy.handlers,
    pack: {
      prepare: (request) => pack.prepare(request),
      build: (request) => pack.build(request),
      preview: async (ref) => pack.preview(ref),
      print: (ref) => pack.print(ref),
      copies: async ({ meetingId }) => distribution.list(meetingId),
      settleCopy: (settle) => distribution.settle(settle),
      outstandingCopies: async () => distribution.outstanding(),
    },
    tasks: {
      cancel: async ({ taskId }) => tasks.cancel(taskId),
    },
    exports: {
      prepare: (request) => exportService.prepare(request),
      write: ({ token, replace, taskId }) => exportService.write(token, replace, taskId),
      openFolder: ({ token }) => exportService.openFolder(token),
      preview: ({ request, version }) => exportService.preview(request, version),
      print: ({ request, version }) => exportService.print(request, version),
    },
    search: {
      all: async ({ text, limit }) => search.all(text, limit),
    },
    audit: auditHandlers(audit),
    exchange: exchangeHandlers(exchange, tasks, (key) => translator(settings.currentLanguage())(key as never)),
    lock: options.lock,
  }, { trail: audit, store, fs });

  return {
    dispatch: createDispatcher(handlers, options.appOrigin),
    language: () => settings.currentLanguage(),
    onSettingsChanged: (listener) => settings.onChange(listener),
    onTaskProgress: (listener) => tasks.onProgress(listener),
    close: async () => {
      try {
        // A quit after a failed write must write again: flushing alone only waits for queued writes.
        await store.retrySave();
        await store.close();
        await audit.close();
      } finally {
        await meetings.scratch.remove();
      }
    },
  };
}

/**
 * While the folder cannot be opened (newer version, only save points, cannot be created), serve only
 * what the problem screen needs; every other call is refused and nothing is written. Bringing back a
 * save point opens the folder afresh and this backend forwards to the full one from then on.
 */
function limitedBackend(options: FolderOptions, appInfo: AppInfo, systemLanguage: Language): Backend {
  let full: Backend | null = null;
  const refuse = async (): Promise<never> => {
    const problem = appInfo.dataProblem;
    if (problem?.kind === 'newerVersion') throw new AppError('store.newerVersion', { found: problem.found, supported: problem.supported });
    throw new AppError('store.unavailable');
  };
  const settingsListeners: Array<(settings: Settings) => void> = [];
  const progressListeners: Array<(progress: TaskProgress) => void> = [];
  const handlers: Handlers = {
    ...refusingHandlers(refuse),
    lock: options.lock,
    app: {
      info: async () => appInfo,
      startupNotices: async () => [],
      openDataFolder: () => options.openFolder(options.dataDir),
    },
  };
  if (appInfo.dataProblem?.kind === 'backupsOnly') {
    handlers.store = {
      ...handlers.store,
      restoreSavePoint: async ({ name }) => {
        if (full) throw new AppError('store.collectionsPresent');
        await Store.restoreSavePoint({ dataDir: options.dataDir, fs: options.fs }, name);
        full = await openFolder(options);
        for (const listener of settingsListeners) full.onSettingsChanged(listener);
        for (const listener of progressListeners) full.onTaskProgress(listener);
      },
    };
  }
  const limited = createDispatcher(handlers, options.appOrigin);
  return {
    dispatch: (channel, input, sender) => (full ? full.dispatch(channel, input, sender) : limited(channel, input, sender)),
    language: () => full?.language() ?? systemLanguage,
    onSettingsChanged: (listener) => {
      settingsListeners.push(listener);
      return full ? full.onSettingsChanged(listener) : () => undefined;
    },
    onTaskProgress: (listener) => {
      progressListeners.push(listener);
      return full ? full.onTaskProgress(listener) : () => undefined;
    },
    close: async () => full?.close(),
  };
}
