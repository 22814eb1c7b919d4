import { z } from 'zod';
import type { OverviewSummary } from '../actions/overview';
import { Action, ActionEdit, NewAction, NewProgress, type ActionRow } from '../model/action';
import { Contact, ContactUpdate, ImportPreview, ImportResult, NewContact } from '../model/contact';
import { Language } from '../model/language';
import { menuCommands } from './channels';
import { Settings } from '../model/settings';
import { NewSubGroup, SubGroup, SubGroupEdit, SubGroupOrder, WorkingGroup } from '../model/subGroup';
import { OverrideInput, ReviewRequest, type FieldReview, type OverrideResult } from '../script/fieldReview';
import { GlossaryTermFields, GlossaryTermRecord, GlossaryTermUpdate } from '../script/glossaryRecord';
import { QuoteMarks } from '../script/quotes';
import { RegisterKind } from '../registers/kinds';
import { registerMethods } from '../registers/contract';
import { meetingMethods } from '../meetings/contract';
import { arrangementMethods } from '../arrangement/contract';
import { SpaceUnit, SpaceUnitFields } from '../model/registers/space';
import type { SpaceSummary } from '../registers/spaceGlance';
import { Tenant, TenantFields } from '../model/registers/tenant';
import { policyContract } from '../model/registers/policyContract';
import { packMethods } from '../pack/contract';
import { taskMethods, type TaskProgress } from '../tasks/progress';
import { exportMethods } from '../documents/exportContract';
import { searchMethods } from '../search/contract';
import { auditMethods } from '../audit/contract';
import { exchangeMethods } from '../exchange/contract';
import { lockMethods } from '../lock/contract';

const none = z.undefined();

export const AppInfo = z.object({
  version: z.string(),
  dataFolder: z.string(),
  backupsFolder: z.string(),
  /** The main process's error log (Electron only; the harness has none). */
  logFile: z.string().nullable(),
  schemaVersion: z.number().int(),
  /** The language the OS suggests; used while the user's own choice cannot be read. */
  systemLanguage: Language,
  /** Set when the data folder could not be opened; the UI shows why instead of the workbench. */
  dataProblem: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('newerVersion'), found: z.number(), supported: z.number() }),
      /** No collections, but save points: the user picks one to bring back (store.restoreSavePoint). */
      z.object({ kind: z.literal('backupsOnly'), savePoints: z.array(z.object({ name: z.string(), takenAt: z.string() })) }),
      /** A new data folder that cannot be created or written in. */
      z.object({ kind: z.literal('cannotCreate'), folder: z.string() }),
    ])
    .nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const ShardProblem = z.enum(['missing', 'emptied', 'rolledBack']);

/** What happened to the data while it was opened, told to the user once at start. */
export const StartupNotice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('seeded') }),
  // movedTo is null where the folder is read-only and the file stays where it was, untouched.
  z.object({
    kind: z.literal('recoveredFromBackup'),
    damagedFile: z.string(),
    movedTo: z.string().nullable(),
    backupTakenAt: z.string(),
  }),
  z.object({ kind: z.literal('unrecoverable'), damagedFile: z.string(), movedTo: z.string().nullable() }),
  /** A file missing, emptied or older than the store last wrote (manifest), brought back from a save point. */
  z.object({
    kind: z.literal('restoredFromBackup'),
    file: z.string(),
    problem: ShardProblem,
    movedTo: z.string().nullable(),
    backupTakenAt: z.string(),
  }),
  z.object({ kind: z.literal('notRestored'), file: z.string(), problem: ShardProblem, expectedRecords: z.number() }),
  /** Still unreadable after waiting (permission denied, locked): left untouched and not written this session. */
  z.object({ kind: z.literal('unreadable'), file: z.string(), errno: z.string() }),
  /** The folder refuses writes: opened for reading; edits cannot be saved. */
  z.object({ kind: z.literal('readOnly'), folder: z.string() }),
]);
export type StartupNotice = z.infer<typeof StartupNotice>;

export const SaveStatus = z.object({
  unsavedChanges: z.boolean(),
  lastError: z.enum(['disk.full', 'disk.readOnly', 'disk.writeFailed']).nullable(),
});
export type SaveStatus = z.infer<typeof SaveStatus>;

/**
 * The one bridge between renderer and main: namespace → method → argument and result schemas.
 * Main validates every argument against it; the preload and the test harness expose exactly these
 * methods as `window.hetao.<namespace>.<method>`.
 */
export const contract = {
  app: {
    info: { input: none, output: AppInfo },
    startupNotices: { input: none, output: z.array(StartupNotice) },
    openDataFolder: { input: none, output: z.void() },
  },
  store: {
    saveStatus: { input: none, output: SaveStatus },
    retrySave: { input: none, output: SaveStatus },
    /** Only while the folder has save points but no collections; the window reloads afterwards. */
    restoreSavePoint: { input: z.object({ name: z.string().max(64) }), output: z.void() },
  },
  settings: {
    get: { input: none, output: Settings },
    setLanguage: { input: Language, output: Settings },
    /** The working group's choice of quotation marks in content (「」 ↔ “” in the reader's script, or as typed). */
    setQuoteMarks: { input: QuoteMarks, output: WorkingGroup },
  },
  workingGroup: {
    get: { input: none, output: WorkingGroup },
  },
  subGroups: {
    list: { input: none, output: z.array(SubGroup) },
    create: { input: NewSubGroup, output: SubGroup },
    /** Refused with record.changedElsewhere when stale, subGroup.codeFixed when actions already use the code. */
    update: { input: SubGroupEdit, output: SubGroup },
    /** Hides the tab and leaves it out of the overview; nothing it holds is removed. */
    archive: { input: z.object({ id: z.uuid() }), output: SubGroup },
    restore: { input: z.object({ id: z.uuid() }), output: SubGroup },
    /** Saves the tab order; returns every sub-group in the new order. */
    reorder: { input: SubGroupOrder, output: z.array(SubGroup) },
    /** Which registers the sub-group's tab shows (shared/registers/kinds.ts). */
    setRegisters: {
      input: z.object({ id: z.uuid(), revision: z.number().int().positive(), registers: z.array(RegisterKind).max(20) }),
      output: SubGroup,
    },
  },
  contacts: {
    /** Sorted by name; soft-deleted ones only when asked, so they can be restored. */
    list: { input: z.object({ includeDeleted: z.boolean() }), output: z.array(Contact) },
    create: { input: NewContact, output: Contact },
    /** Refused with record.changedElsewhere when `revision` is not the stored one. */
    update: { input: ContactUpdate, output: Contact },
    delete: { input: z.object({ id: z.uuid() }), output: Contact },
    restore: { input: z.object({ id: z.uuid() }), output: Contact },
    /** Shows the open dialog and reads the chosen file without changing anything; null if cancelled. */
    importPreview: { input: none, output: ImportPreview.nullable() },
    /** Adds the previewed file's valid, new rows, once the user accepts. */
    importCommit: { input: z.object({ token: z.uuid() }), output: ImportResult },
    /** Shows the save dialog and writes the contacts there; null if cancelled. */
  },
  actions: {
    /**
     * One sub-group's actions as list rows (null: every sub-group), soft-deleted ones included,
     * most recently updated first; `offset` and `limit` let the list paint its first page at once.
     */
    list: {
      input: z.object({
        subGroupId: z.uuid().nullable(),
        offset: z.number().int().nonnegative().optional(),
        limit: z.number().int().positive().optional(),
      }),
      output: z.object({ rows: z.array(z.custom<ActionRow>()), total: z.number().int() }),
    },
    get: { input: z.object({ id: z.uuid() }), output: Action },
    create: { input: NewAction, output: Action },
    update: { input: ActionEdit, output: Action },
    addProgress: { input: NewProgress, output: Action },
    delete: { input: z.object({ id: z.uuid() }), output: Action },
    restore: { input: z.object({ id: z.uuid() }), output: Action },
    /** Ids of actions whose text or progress notes contain the query. */
    search: { input: z.object({ subGroupId: z.uuid().nullable(), text: z.string().max(500) }), output: z.array(z.uuid()) },
    overview: { input: none, output: z.custom<OverviewSummary>() },
  },
  script: {
    /** The glossary (術語表) in the order terms apply; deleted terms only when asked, to restore them. */
    glossary: { input: z.object({ includeDeleted: z.boolean() }), output: z.array(GlossaryTermRecord) },
    /** Refused with glossary.duplicate when a live term already has the same Traditional or Simplified form. */
    createTerm: { input: GlossaryTermFields, output: GlossaryTermRecord },
    updateTerm: { input: GlossaryTermUpdate, output: GlossaryTermRecord },
    deleteTerm: { input: z.object({ id: z.uuid() }), output: GlossaryTermRecord },
    restoreTerm: { input: z.object({ id: z.uuid() }), output: GlossaryTermRecord },
    /** Each field converted into `script` with the choices to confirm; exports call it before writing. */
    review: { input: ReviewRequest, output: z.custom<FieldReview[]>() },
    /** Stores a confirmed or corrected other-script form (null removes it); kept with the record. */
    setOverride: { input: OverrideInput, output: z.custom<OverrideResult>() },
  },
  /** Meetings, agendas, papers and minutes (shared/meetings/contract.ts). */
  meetings: meetingMethods,
  arrangement: arrangementMethods,
  /** The registers (shared/registers): one namespace each, all with the same methods. */
  spaceUnits: {
    ...registerMethods(SpaceUnit, SpaceUnitFields),
    /** Leased and occupied area, occupancy, tenants, leases ending soon: the overview's line. */
    summary: { input: none, output: z.custom<SpaceSummary>() },
  },
  tenants: registerMethods(Tenant, TenantFields),
  ...policyContract,
  /** The meeting pack (shared/pack/contract.ts). */
  pack: packMethods,
  /** Long tasks that report progress on TASK_PROGRESS_CHANNEL. */
  tasks: taskMethods,
  /** Documents in 繁體, 简体, both or side by side (shared/documents/exportContract.ts). */
  exports: exportMethods,
  /** The header's search over actions, contacts and sub-groups (shared/search/contract.ts). */
  search: searchMethods,
  /** The audit trail (shared/audit/contract.ts). */
  audit: auditMethods,
  /** Packages between installations, peers and conflicts (shared/exchange/contract.ts). */
  exchange: exchangeMethods,
  /** Encryption at rest and the app lock (shared/lock/contract.ts): the only calls answered while locked. */
  lock: lockMethods,
} as const satisfies Record<string, Record<string, { input: z.ZodType; output: z.ZodType }>>;

export type Contract = typeof contract;
export type Namespace = keyof Contract;
export type MethodOf<N extends Namespace> = keyof Contract[N] & string;
export type Channel = { [N in Namespace]: `${N}.${MethodOf<N>}` }[Namespace];

type Spec = { input: z.ZodType; output: z.ZodType };
type Method<S extends Spec> = S['input'] extends z.ZodUndefined
  ? () => Promise<import('./errors').Result<z.output<S['output']>>>
  : (input: z.input<S['input']>) => Promise<import('./errors').Result<z.output<S['output']>>>;

/** The typed API the renderer sees as `window.hetao`. */
export type HetaoApi = {
  [N in Namespace]: { [M in MethodOf<N>]: Contract[N][M] extends Spec ? Method<Contract[N][M]> : never };
} & {
  /** Commands from the application menu, e.g. 'openSettings'. Returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Progress of long tasks (meeting pack, exports). Returns an unsubscribe function. */
  onTaskProgress(listener: (progress: TaskProgress) => void): () => void;
};

export const MenuCommand = z.enum(menuCommands);
export type MenuCommand = z.infer<typeof MenuCommand>;
