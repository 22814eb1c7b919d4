import { Alert, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackPreviewSection } from '../../shared/pack/contract';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import type { Script } from '../../shared/script/script';

/**
 * The in-app print preview: each generated part of the pack as its sheets of paper, in frames with
 * an empty sandbox (no scripts, no navigation, no access to the app) since it is document HTML.
 */
export function PackPreview({ meetingId, script, onClose }: { meetingId: string; script: Script; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [sections, setSections] = useState<PackPreviewSection[] | null>(null);
  const [pageCount, setPageCount] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    unwrap(api().pack.preview({ meetingId, script })).then(
      (preview) => {
        setSections(preview.sections);
        setPageCount(preview.pageCount);
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  }, [meetingId, script, errorText]);

  return (
    <Modal open title={t('pack.previewTitle')} onCancel={onClose} footer={null} width={900} styles={{ body: { maxHeight: '75vh', overflow: 'auto' } }}>
      {error && <Alert type="error" showIcon title={error} />}
      {!error && !sections && <Spin />}
      {sections && sections.length === 0 && <Typography.Text>{t('pack.previewEmpty')}</Typography.Text>}
      {sections && (
        <>
          <Typography.Text type="secondary">{t('pack.pages', { count: pageCount })}</Typography.Text>
          {sections.map((section) => (
            <section key={section.title} aria-label={section.title}>
              <Typography.Title level={5}>{t('pack.section', { title: section.title, pages: section.pages })}</Typography.Title>
              <iframe
                title={section.title}
                sandbox=""
                srcDoc={section.html}
                style={{ width: '100%', height: Math.max(1, section.pages) * 1140, border: 0, background: '#e9ecef' }}
              />
            </section>
          ))}
        </>
      )}
    </Modal>
  );
}
