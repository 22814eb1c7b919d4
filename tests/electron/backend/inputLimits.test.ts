import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SubGroup } from '../../../shared/model/subGroup';
import { inputLimitIssues } from '../../../shared/ipc/inputLimits';
import { useTestBackend } from '../../support/testBackend';
import { actionForm } from '../../support/actionForm';

const open = useTestBackend();

const actionFields = (overrides: Record<string, unknown> = {}) => ({ ...actionForm('提交租約條款', { dueDate: '2026-12-15' }), ...overrides });

const meetingFields = (overrides: Record<string, unknown> = {}) => ({
  title: '第三次會議',
  date: '2026-12-10',
  startTime: null,
  endTime: null,
  venue: 'video',
  venueDetail: '',
  classification: null,
  attendance: [],
  ...overrides,
});

describe('arguments a person could not mean are refused with the field named', () => {
  it('lists beyond their limit, text beyond its length and dates outside 1950–2100, before any service runs', async () => {
    const session = await open();
    const [sp] = await session.value<SubGroup[]>('subGroups.list');
    const refused = (path: string, messageKey: string) => ({ ok: false, error: { code: 'ipc.invalidArguments', issues: [{ path, messageKey }] } });

    const officers = Array.from({ length: 200_000 }, () => randomUUID());
    expect(await session.call('actions.create', { subGroupId: sp!.id, fields: actionFields({ officerIds: officers }) })).toEqual(
      refused('fields.officerIds', 'validation.tooMany'),
    );
    for (const dueDate of ['0000-01-01', '9999-12-31']) {
      expect(await session.call('actions.create', { subGroupId: sp!.id, fields: actionFields({ dueDate }) })).toEqual(
        refused('fields.dueDate', 'validation.dateRange'),
      );
    }
    expect(await session.call('actions.create', { subGroupId: sp!.id, fields: actionFields({ description: '長'.repeat(300_000) }) })).toEqual(
      refused('fields.description', 'validation.tooLong'),
    );

    const attendance = Array.from({ length: 50_000 }, () => ({ contactId: randomUUID(), role: 'member', present: true }));
    expect(await session.call('meetings.create', { subGroupId: sp!.id, fields: meetingFields({ attendance }), standardItems: [] })).toEqual(
      refused('fields.attendance', 'validation.tooMany'),
    );
    const items = Array.from({ length: 70_000 }, () => 'apologies');
    expect(await session.call('meetings.create', { subGroupId: sp!.id, fields: meetingFields(), standardItems: items })).toEqual(
      refused('standardItems', 'validation.tooMany'),
    );
    expect(await session.call('meetings.create', { subGroupId: sp!.id, fields: meetingFields({ date: '0000-01-01' }), standardItems: [] })).toEqual(
      refused('fields.date', 'validation.dateRange'),
    );
    // Nothing refused was stored.
    expect(await session.value<{ total: number }>('actions.list', { subGroupId: sp!.id, offset: 0, limit: 50 })).toMatchObject({ total: 0 });
  });

  it('a deeply nested argument is checked without overflowing the checker', () => {
    let nested: unknown = '9999-12-31';
    for (let depth = 0; depth < 100_000; depth++) nested = { a: nested };
    expect(inputLimitIssues(nested)).toEqual([{ path: expect.stringMatching(/^a(\.a)+$/), messageKey: 'validation.invalid' }]);
    expect(inputLimitIssues({ a: { b: ['2026-12-15', '1900-01-01'] } })).toEqual([{ path: 'a.b.1', messageKey: 'validation.dateRange' }]);
  });

  it('a sheet with more columns than a mapping may have is refused at the preview', async () => {
    const { MAX_IMPORT_COLUMNS } = await import('../../../shared/ipc/inputLimits');
    expect(MAX_IMPORT_COLUMNS).toBe(500);
    expect(inputLimitIssues({ token: randomUUID(), mapping: Array(MAX_IMPORT_COLUMNS + 1).fill(null) })).toEqual([
      { path: 'mapping', messageKey: 'validation.tooMany' },
    ]);
  });

  it('an agenda grown item by item stops at the same limit as one sent whole', { timeout: 60_000 }, async () => {
    const session = await open();
    const [sp] = await session.value<SubGroup[]>('subGroups.list');
    let meeting = await session.value<{ id: string; revision: number; agenda: unknown[] }>('meetings.create', {
      subGroupId: sp!.id,
      fields: meetingFields(),
      standardItems: [],
    });
    const add = () =>
      session.call<typeof meeting>('meetings.saveItem', {
        id: meeting.id,
        revision: meeting.revision,
        itemId: null,
        item: { title: '議項', standard: null, presenterId: null, minutes: '', decisions: [] },
      });
    for (let n = 0; n < 200; n++) {
      const added = await add();
      if (!added.ok) throw new Error(JSON.stringify(added.error));
      meeting = added.value;
    }
    expect(meeting.agenda).toHaveLength(200);
    expect(await add()).toMatchObject({ ok: false, error: { code: 'meeting.agendaFull', params: { limit: 200 } } });
  });
});
