import { describe, expect, it } from 'vitest';
import { daysBetween, dueState, localToday } from '../../../shared/actions/dueDates';

describe('due dates', () => {
  it('reads today from the laptop’s own calendar', () => {
    expect(localToday(new Date(2026, 10, 24, 23, 59))).toBe('2026-11-24');
  });

  it('counts whole days across month ends', () => {
    expect(daysBetween('2026-11-28', '2026-12-02')).toBe(4);
    expect(daysBetween('2026-12-02', '2026-11-28')).toBe(-4);
  });

  it('flags overdue and due-within-7-days actions, and never closed ones', () => {
    const today = '2026-11-24';
    expect(dueState({ dueDate: '2026-11-23', status: 'inProgress' }, today)).toBe('overdue');
    expect(dueState({ dueDate: '2026-11-24', status: 'notStarted' }, today)).toBe('dueSoon');
    expect(dueState({ dueDate: '2026-12-01', status: 'blocked' }, today)).toBe('dueSoon');
    expect(dueState({ dueDate: '2026-12-02', status: 'blocked' }, today)).toBe('later');
    expect(dueState({ dueDate: '2026-11-01', status: 'done' }, today)).toBe('closed');
    expect(dueState({ dueDate: null, status: 'notStarted' }, today)).toBe('none');
  });
});
