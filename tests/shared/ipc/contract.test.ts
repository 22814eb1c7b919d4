import { describe, expect, it } from 'vitest';
import { buildApi } from '../../../shared/ipc/buildApi';
import { channelList } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';

describe('the bridge contract', () => {
  it('lists exactly the contract’s methods as channels', () => {
    const fromContract = Object.entries(contract).flatMap(([ns, methods]) => Object.keys(methods).map((m) => `${ns}.${m}`));
    expect(channelList().sort()).toEqual(fromContract.sort());
  });

  it('gives the page one method per channel and nothing generic', async () => {
    const calls: Array<[string, unknown]> = [];
    const api = buildApi(
      async (channel, input) => {
        calls.push([channel, input]);
        return { ok: true, value: null };
      },
      () => () => undefined,
    );
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract), 'onMenuCommand', 'onTaskProgress'].sort());
    expect(api).not.toHaveProperty('invoke');
    expect(Object.isFrozen(api) && Object.isFrozen(api.subGroups)).toBe(true);
    await api.settings.setLanguage('zh-Hans');
    await api.subGroups.list();
    expect(calls).toEqual([
      ['settings.setLanguage', 'zh-Hans'],
      ['subGroups.list', undefined],
    ]);
  });
});
