import { registerChannels } from '../registers/channels';
import { fundedProjectChannels, policyMeasureChannels, promotionEventChannels } from '../model/registers/policyChannels';
import { meetingChannels } from '../meetings/channels';
import { arrangementChannels } from '../arrangement/channels';
import { packChannels } from '../pack/channels';
import { taskChannels } from '../tasks/channels';
import { exportChannels } from '../documents/exportChannels';
import { searchChannels } from '../search/channels';
import { auditChannels } from '../audit/channels';
import { exchangeChannels } from '../exchange/channels';
import { lockChannels } from '../lock/channels';
import type { Channel, Contract } from './contract';

/**
 * The contract's channel names, without its schemas, so the sandboxed preload stays small.
 * Typed against the contract: a method added there and missing here fails type-checking.
 */
export const channels = {
  app: ['info', 'startupNotices', 'openDataFolder'],
  store: ['saveStatus', 'retrySave', 'restoreSavePoint'],
  settings: ['get', 'setLanguage', 'setQuoteMarks'],
  workingGroup: ['get'],
  subGroups: ['list', 'create', 'update', 'archive', 'restore', 'reorder', 'setRegisters'],
  contacts: ['list', 'create', 'update', 'delete', 'restore', 'importPreview', 'importCommit'],
  actions: ['list', 'get', 'create', 'update', 'addProgress', 'delete', 'restore', 'search', 'overview'],
  script: ['glossary', 'createTerm', 'updateTerm', 'deleteTerm', 'restoreTerm', 'review', 'setOverride'],
  meetings: meetingChannels,
  arrangement: arrangementChannels,
  spaceUnits: [...registerChannels, 'summary'],
  tenants: registerChannels,
  policyMeasures: policyMeasureChannels,
  fundedProjects: fundedProjectChannels,
  promotionEvents: promotionEventChannels,
  pack: packChannels,
  tasks: taskChannels,
  exports: exportChannels,
  search: searchChannels,
  audit: auditChannels,
  exchange: exchangeChannels,
  lock: lockChannels,
} as const satisfies { [N in keyof Contract]: ReadonlyArray<keyof Contract[N]> };

type Listed = { [N in keyof typeof channels]: `${N}.${(typeof channels)[N][number]}` }[keyof typeof channels];
// Fails to compile if the list above misses a contract method.
export const allChannelsListed: [Channel] extends [Listed] ? true : never = true;

/** Commands the application menu sends to the window, on their own one-way channel. */
/** 'lock': lock now (Ctrl+L / ⌘L, the OS locking its screen, suspend): the window shows its lock screen. */
export const menuCommands = ['openSettings', 'newSubGroup', 'lock'] as const;
export const MENU_COMMAND_CHANNEL = 'menu.command';

export function channelList(): Channel[] {
  return Object.entries(channels).flatMap(([ns, methods]) =>
    (methods as readonly string[]).map((method) => `${ns}.${method}` as Channel),
  );
}
