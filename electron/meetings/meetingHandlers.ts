import type { TFunction } from 'i18next';
import type { ActionService } from '../actions/actionService';
import { AttachmentStore } from '../attachments/attachmentStore';
import type { Handlers } from '../backend/dispatcher';
import type { Dialogs } from '../dialogs/dialogs';
import type { Store } from '../store/store';
import { MeetingService } from './meetingService';
import { PrivateScratch } from './privateScratch';

/**
 * The meeting service and its bridge handlers, wired from the composition root's effects. The pack
 * (electron/pack/) takes `service` for MeetingService.packData and `attachments` for the papers' files.
 */
export function meetingsFeature(options: {
  store: Store;
  actions: ActionService;
  dialogs: Dialogs;
  dataDir: string;
  /** The encrypted folder's data key: papers are then sealed. */
  dataKey: Buffer | null;
  t: () => TFunction;
  now: () => Date;
  openFile: (file: string) => Promise<void>;
  maxAttachmentBytes?: number;
}): { service: MeetingService; attachments: AttachmentStore; scratch: PrivateScratch; handlers: Handlers['meetings'] } {
  const attachments = new AttachmentStore(options.dataDir, options.maxAttachmentBytes, options.dataKey);
  const scratch = new PrivateScratch();
  const service = new MeetingService({
    store: options.store,
    actions: options.actions,
    attachments,
    dialogs: options.dialogs,
    t: options.t,
    now: options.now,
    openFile: options.openFile,
    scratch,
  });
  const handlers: Handlers['meetings'] = {
    list: async ({ subGroupId }) => service.list(subGroupId),
    get: async ({ id }) => service.get(id),
    create: ({ subGroupId, fields, standardItems }) => service.create(subGroupId, fields, standardItems),
    update: ({ id, revision, fields }) => service.update(id, revision, fields),
    delete: ({ id }) => service.delete(id),
    restore: ({ id }) => service.restore(id),
    saveItem: ({ id, revision, itemId, item }) => service.saveItem(id, revision, itemId, item),
    removeItem: ({ id, revision, itemId }) => service.removeItem(id, revision, itemId),
    restoreItem: ({ id, revision, itemId }) => service.restoreItem(id, revision, itemId),
    reorder: ({ id, revision, order }) => service.reorder(id, revision, order),
    addPaper: ({ id, revision, itemId, title }) => service.addPaper(id, revision, itemId, title),
    removePaper: ({ id, revision, itemId, paperId }) => service.removePaper(id, revision, itemId, paperId),
    restorePaper: ({ id, revision, itemId, paperId }) => service.restorePaper(id, revision, itemId, paperId),
    checkPapers: ({ id }) => service.checkPapers(id),
    openPaper: ({ id, itemId, paperId }) => service.openPaper(id, itemId, paperId),
    savePaperCopy: ({ id, itemId, paperId }) => service.savePaperCopy(id, itemId, paperId),
    setMinutesStatus: ({ id, revision, status, confirmedAtMeetingId }) => service.setMinutesStatus(id, revision, status, confirmedAtMeetingId),
    laterMeetings: async ({ id }) => service.laterMeetings(id),
    addActionArising: ({ meetingId, itemId, subGroupId, fields }) => service.addActionArising(meetingId, itemId, subGroupId, fields),
    actionsArising: async ({ id }) => service.actionsArising(id),
  };
  return { service, attachments, scratch, handlers };
}
