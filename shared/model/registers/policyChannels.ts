import { registerChannels } from '../../registers/channels';

/** Channel names of the policy and promotion registers: the common register methods and their own. */
export const policyMeasureChannels = [...registerChannels, 'changeStage', 'summary'] as const;
export const fundedProjectChannels = [...registerChannels, 'summary'] as const;
export const promotionEventChannels = [...registerChannels, 'summary'] as const;
