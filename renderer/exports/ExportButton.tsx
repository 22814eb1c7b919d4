import { ExportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportTarget } from '../../shared/documents/exportRequest';
import { ExportDialog } from './ExportDialog';
import { useConflictMarks } from '../exchange/conflictMarks';
import { useConflictWarning } from '../exchange/ConflictMarker';
import { useReturnFocus } from '../ui/useReturnFocus';

/** The Export button of a toolbar: opens the export dialog for what the screen shows. */
export function ExportButton({
  target,
  count,
  label,
  recordIds,
}: {
  target: () => ExportTarget;
  count?: number;
  label?: string;
  /** The records the export carries, when the list knows them: any still in conflict is warned of first. */
  recordIds?: () => Iterable<string>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ExportTarget | null>(null);
  const returnFocus = useReturnFocus();
  const warnOfConflicts = useConflictWarning();
  const marks = useConflictMarks();
  const start = () => {
    returnFocus.remember();
    const chosen = target();
    // Without the list's own rows: a meeting is itself, contacts and every sub-group's actions are all marked ones.
    const carried =
      recordIds?.() ??
      (chosen.kind === 'meeting'
        ? [chosen.meetingId]
        : chosen.kind === 'contacts' || (chosen.kind === 'actions' && chosen.subGroupId === null)
          ? marks.markedIn(chosen.kind)
          : []);
    warnOfConflicts(carried, 'export', () => setOpen(chosen));
  };
  return (
    <>
      <Button icon={<ExportOutlined />} onClick={start}>
        {label ?? t('exports.ui.button')}
      </Button>
      {open && (
        <ExportDialog
          target={open}
          count={count}
          onClose={() => {
            setOpen(null);
            returnFocus.restore();
          }}
        />
      )}
    </>
  );
}
