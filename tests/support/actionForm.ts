import type { ActionFields } from '../../shared/model/action';

/** An action as the form sends it: an HK-owned item with no leads, officers, due date or clauses unless a test says otherwise. */
export function actionForm(title: string, overrides: Partial<ActionFields> = {}): ActionFields {
  return { title, description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: null, priority: 'normal', clauses: [], ...overrides };
}
