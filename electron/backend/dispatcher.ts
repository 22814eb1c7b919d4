import type { z } from 'zod';
import type { Contract, MethodOf, Namespace } from '../../shared/ipc/contract';
import { contract } from '../../shared/ipc/contract';
import { channels } from '../../shared/ipc/channels';
import { AppError, type AppErrorValue, type Result } from '../../shared/ipc/errors';
import { inputLimitIssues } from '../../shared/ipc/inputLimits';

type Spec = { input: z.ZodType; output: z.ZodType };

/** What a service implements for each contract method: validated input in, plain result out. */
export type Handlers = {
  [N in Namespace]: {
    [M in MethodOf<N>]: Contract[N][M] extends Spec
      ? (input: z.output<Contract[N][M]['input']>) => Promise<z.input<Contract[N][M]['output']>>
      : never;
  };
};

/**
 * Handlers that refuse every call, for a backend that answers only a few namespaces (a folder that
 * cannot be opened, a locked one); those it answers are put over these.
 */
export function refusingHandlers(refuse: () => Promise<never>): Handlers {
  return Object.fromEntries(
    Object.entries(channels).map(([ns, methods]) => [ns, Object.fromEntries(methods.map((m) => [m, refuse]))]),
  ) as unknown as Handlers;
}

/** Who made a call: the frame's URL and whether it is the window's top frame. */
export interface Sender {
  url: string;
  isMainFrame: boolean;
}

/** Only the app's own top frame may call: not an iframe, not a page navigated elsewhere. */
export function isTrustedSender(sender: Sender | null | undefined, appOrigin: string): boolean {
  return !!sender && sender.isMainFrame && sender.url.startsWith(`${appOrigin}/`);
}

export type Dispatch = (channel: string, input: unknown, sender: Sender | null | undefined) => Promise<Result<unknown>>;

function fieldMessageKey(message: string): string {
  return message.startsWith('validation.') ? message : 'validation.invalid';
}

/**
 * Checks the sender, validates the argument against the contract, runs the handler and returns a
 * value either way: errors cross the bridge as `{ ok: false, error }`, never as thrown strings.
 */
export function createDispatcher(
  handlers: Handlers,
  appOrigin: string,
  log: (message: string, error: unknown) => void = console.error,
): Dispatch {
  return async (channel, input, sender) => {
    const fail = (error: AppErrorValue): Result<never> => ({ ok: false, error });
    if (!isTrustedSender(sender, appOrigin)) return fail({ code: 'ipc.untrustedSender' });

    const [ns, method] = channel.split('.') as [string, string];
    const spec = Object.hasOwn(contract, ns) ? (contract as Record<string, Record<string, Spec>>)[ns]![method] : undefined;
    const handler = spec && (handlers as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[ns]?.[method];
    if (!spec || !handler || !Object.hasOwn(contract[ns as Namespace], method)) return fail({ code: 'ipc.unknownChannel' });

    const tooLarge = inputLimitIssues(input);
    if (tooLarge.length > 0) return fail({ code: 'ipc.invalidArguments', issues: tooLarge });
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      return fail({
        code: 'ipc.invalidArguments',
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), messageKey: fieldMessageKey(issue.message) })),
      });
    }
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return fail(error.toValue());
      log(`Handler ${channel} failed`, error);
      return fail({ code: 'internal' });
    }
  };
}
