import { z } from 'zod';
import { Side } from '../model/action';
import { Instant, LocalizedName } from '../model/record';

/*
 * What the exchange (issue 16) shows and takes across the bridge. The stamps, the merge and the
 * package format are in the other files of this folder; these are the shapes the screens use.
 */

/** An office as its officials write it: 香港秘書處 / 香港秘书处 / Hong Kong Secretariat. */
export const OfficeName = LocalizedName;
export type OfficeName = z.infer<typeof OfficeName>;

/**
 * A short number both people read aloud or compare on paper, like Signal's safety numbers:
 * twelve groups of five digits, the same in every script.
 */
export const Fingerprint = z.string().regex(/^\d{5}( \d{5}){11}$/);
export type Fingerprint = z.infer<typeof Fingerprint>;

/** This installation (local only, never exchanged). Packages cannot be prepared until `configured`. */
export const Identity = z.object({
  id: z.uuid(),
  configured: z.boolean(),
  side: Side.nullable(),
  office: OfficeName.nullable(),
  device: z.string(),
  officerContactId: z.uuid().nullable(),
  fingerprint: Fingerprint,
  createdAt: Instant,
});
export type Identity = z.infer<typeof Identity>;

export const IdentityFields = z.object({
  side: Side,
  office: OfficeName,
  device: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  officerContactId: z.uuid(),
});
export type IdentityFields = z.input<typeof IdentityFields>;

/** Who a card or a package comes from, as the other side described itself. */
export const InstallationSummary = z.object({
  id: z.uuid(),
  side: Side,
  office: OfficeName,
  device: z.string(),
  /** The officer's name as written on the other side. */
  officer: z.string(),
});
export type InstallationSummary = z.infer<typeof InstallationSummary>;

/** A contact card read from a file, held for `token` until the user confirms the fingerprint. */
export const CardPreview = z.object({
  token: z.uuid(),
  card: InstallationSummary,
  fingerprint: Fingerprint,
  /** new: not a peer yet; same: already a peer with these keys; retired: a retired peer (adding it again is refused). */
  known: z.enum(['new', 'same', 'retired']),
});
export type CardPreview = z.infer<typeof CardPreview>;

/** How many records of each kind a package carried; keys are collection names, plus `attachments` and `deletions`. */
export const PackageCounts = z.record(z.string(), z.number().int().nonnegative());
export type PackageCounts = z.infer<typeof PackageCounts>;

export const Peer = InstallationSummary.extend({
  fingerprint: Fingerprint,
  addedAt: Instant,
  retiredAt: Instant.nullable(),
  lastSent: z.object({ at: Instant, fileName: z.string() }).nullable(),
  lastReceived: z.object({ at: Instant, fileName: z.string() }).nullable(),
  /** Records holding changes this peer is not known to have: what the next package for it carries. */
  pendingRecords: z.number().int().nonnegative(),
});
export type Peer = z.infer<typeof Peer>;

/** A number given out twice offline (SP-2026-015 on both sides), and what the record that gave way now has. */
export const Renumbering = z.object({
  collection: z.string(),
  recordId: z.uuid(),
  /** `reference` of an action, `number` of a meeting, `agenda.<item>.papers.<paper>.number` of a paper. */
  field: z.string(),
  from: z.string(),
  to: z.string(),
});
export type Renumbering = z.infer<typeof Renumbering>;

export const PrepareResult = z.object({
  packageId: z.uuid(),
  fileName: z.string(),
  path: z.string(),
  counts: PackageCounts,
  /** Also written into the exchange folder. */
  inFolder: z.boolean(),
});
export type PrepareResult = z.infer<typeof PrepareResult>;

export const OpenResult = z.object({
  packageId: z.uuid(),
  fileName: z.string(),
  from: InstallationSummary,
  counts: PackageCounts,
  /** Records this installation holds differently because of the package. */
  changedRecords: z.number().int().nonnegative(),
  /** Conflict cards the package raised (new fields in conflict). */
  conflictsRaised: z.number().int().nonnegative(),
  renumbered: z.array(Renumbering),
  /** Opened before: nothing changed. */
  alreadyOpened: z.boolean(),
});
export type OpenResult = z.infer<typeof OpenResult>;

/** A package file in the exchange folder, read from its header only. */
export const FoundPackage = z.object({
  packageId: z.uuid(),
  fileName: z.string(),
  /** The sender, when it is a peer; null for a package from an installation we do not know. */
  from: InstallationSummary.nullable(),
  size: z.number().int().nonnegative(),
  modifiedAt: Instant,
  /** new: addressed to us, not opened; opened: opened before; ours: prepared here; notForUs: addressed to others. */
  status: z.enum(['new', 'opened', 'ours', 'notForUs']),
  /** Other files in the folder that are the same package (sync tools' conflict copies, "x (1).hetao"). */
  copies: z.array(z.string()),
});
export type FoundPackage = z.infer<typeof FoundPackage>;

export const FolderState = z.object({ path: z.string().nullable(), found: z.array(FoundPackage) });
export type FolderState = z.infer<typeof FolderState>;

export const ExchangeLogEntry = z.object({
  id: z.uuid(),
  at: Instant,
  kind: z.enum(['prepared', 'opened', 'refused']),
  packageId: z.uuid().nullable(),
  fileName: z.string(),
  /** The recipients of a prepared package, or the sender of an opened one. */
  peers: z.array(InstallationSummary),
  counts: PackageCounts,
  conflictsRaised: z.number().int().nonnegative(),
  renumbered: z.array(Renumbering),
  /** Why a package was refused (an AppError code, shown from the errors section). */
  error: z.string().nullable(),
});
export type ExchangeLogEntry = z.infer<typeof ExchangeLogEntry>;

/** A value on one side of a conflict; `present: false` for a record or entry deleted on that side. */
export const ConflictValue = z.object({ present: z.boolean(), value: z.unknown() });
export type ConflictValue = z.infer<typeof ConflictValue>;

export const ConflictField = z.object({
  /** `title`, `progress.<entry id>.note`, `agenda.<item id>`, `$deleted` for the record's deletion… */
  path: z.string(),
  /** field: both changed it; deleteVsEdit: one side deleted the record (or entry) the other edited. */
  kind: z.enum(['field', 'deleteVsEdit']),
  mine: ConflictValue,
  theirs: ConflictValue,
  /** The value both last agreed, when known. */
  base: ConflictValue.nullable(),
  /** The two values differ only in Traditional and Simplified forms of the same text. */
  scriptOnly: z.boolean(),
});
export type ConflictField = z.infer<typeof ConflictField>;

/** One card per record in conflict. */
export const Conflict = z.object({
  id: z.uuid(),
  collection: z.string(),
  recordId: z.uuid(),
  /** What the record is called (an action's reference and title, a meeting's title…), as stored here. */
  label: z.string(),
  fields: z.array(ConflictField),
  /** Who wrote their side, and when (their wall clock, only shown). */
  theirs: z.object({ by: InstallationSummary.nullable(), at: Instant.nullable() }),
  raisedAt: Instant,
  packageId: z.uuid().nullable(),
});
export type Conflict = z.infer<typeof Conflict>;

export const SettleChoice = z.object({
  path: z.string().min(1).max(300),
  choice: z.enum(['mine', 'theirs', 'edited']),
  /** The hand-edited value, with choice `edited`. */
  value: z.unknown().optional(),
});
export type SettleChoice = z.infer<typeof SettleChoice>;

export const MarkedRecord = z.object({ collection: z.string(), recordId: z.uuid() });
export type MarkedRecord = z.infer<typeof MarkedRecord>;
