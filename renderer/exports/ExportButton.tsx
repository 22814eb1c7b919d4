import { ExportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportTarget } from '../../shared/documents/exportRequest';
import { ExportDialog } from './ExportDialog';

/** The Export button of a toolbar: opens the export dialog for what the screen shows. */
export function ExportButton({ target, count, label }: { target: () => ExportTarget; count?: number; label?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ExportTarget | null>(null);
  return (
    <>
      <Button icon={<ExportOutlined />} onClick={() => setOpen(target())}>
        {label ?? t('exports.ui.button')}
      </Button>
      {open && <ExportDialog target={open} count={count} onClose={() => setOpen(null)} />}
    </>
  );
}
