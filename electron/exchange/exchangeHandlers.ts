import { AppError } from '../../shared/ipc/errors';
import { exchangeChannels } from '../../shared/exchange/channels';
import type { Handlers } from '../backend/dispatcher';

/** The exchange namespace while its services are being built: every call is refused as internal. */
export function exchangeHandlers(): Handlers['exchange'] {
  const notYet = async (): Promise<never> => {
    throw new AppError('internal');
  };
  return Object.fromEntries(exchangeChannels.map((method) => [method, notYet])) as unknown as Handlers['exchange'];
}
