import { BookOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { App as AntApp, Button, Descriptions, Modal, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/ipc/contract';
import type { Language } from '../../shared/model/language';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import type { QuoteMarks } from '../../shared/script/quotes';
import { GlossaryDialog } from '../script/GlossaryDialog';
import { useReaderScript } from '../script/readerScript';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { EncryptionSettings } from '../lock/EncryptionSettings';
import { useLock } from '../lock/lockContext';

/** Settings and About: the interface language, how content is converted, where the data, its backups and the error log live, the version. */
export function SettingsDialog({
  open,
  info,
  language,
  onLanguageChange,
  onClose,
}: {
  open: boolean;
  info: AppInfo;
  language: Language;
  onLanguageChange: (language: Language) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [glossaryOpen, setGlossaryOpen] = useState(false);
  const lock = useLock();
  const reader = useReaderScript();
  // The choice shows at once while it is saved; a failed save puts the old one back.
  const [savingQuotes, setSavingQuotes] = useState<QuoteMarks | null>(null);
  const changeQuoteMarks = async (quoteMarks: QuoteMarks) => {
    setSavingQuotes(quoteMarks);
    try {
      const group = await unwrap(api().settings.setQuoteMarks(quoteMarks));
      reader.setQuoteMarks(group.quoteMarks ?? 'reader');
      void message.success(t('script.quotes.saved'));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSavingQuotes(null);
    }
  };
  const openDataFolder = () =>
    unwrap(api().app.openDataFolder()).catch((error: unknown) => void message.error(errorText(error)));

  return (
    <Modal
      open={open}
      title={t('settings.title')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('settings.close')}</Button>}
      width={720}
    >
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('settings.language')}>
          <LanguageSwitch value={language} onChange={onLanguageChange} />
        </Descriptions.Item>
        <Descriptions.Item label={t('script.glossary.title')}>
          <Space orientation="vertical">
            <Typography.Text type="secondary">{t('script.glossary.intro')}</Typography.Text>
            <Button icon={<BookOutlined />} onClick={() => setGlossaryOpen(true)}>
              {t('script.glossary.open')}
            </Button>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('script.quotes.title')}>
          <Space orientation="vertical">
            <Typography.Text type="secondary" id="quote-marks-intro">
              {t('script.quotes.intro')}
            </Typography.Text>
            <Radio.Group
              aria-label={t('script.quotes.title')}
              aria-describedby="quote-marks-intro"
              value={savingQuotes ?? reader.quoteMarks}
              disabled={savingQuotes !== null}
              onChange={(event) => void changeQuoteMarks(event.target.value as QuoteMarks)}
              options={[
                { value: 'reader', label: t('script.quotes.reader') },
                { value: 'asWritten', label: t('script.quotes.asWritten') },
              ]}
            />
          </Space>
        </Descriptions.Item>
        {lock && (
          <Descriptions.Item label={t('encryption.settings.title')}>
            <EncryptionSettings />
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('settings.dataFolder')}>
          <Space orientation="vertical">
            <Typography.Text copyable code data-testid="data-folder">
              {info.dataFolder}
            </Typography.Text>
            <Button icon={<FolderOpenOutlined />} onClick={() => void openDataFolder()}>
              {t('settings.openDataFolder')}
            </Button>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.backupsFolder')}>
          <Typography.Text copyable code>
            {info.backupsFolder}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('settings.backupsHelp')}
          </Typography.Paragraph>
        </Descriptions.Item>
        {info.logFile && (
          <Descriptions.Item label={t('settings.logFile')}>
            <Typography.Text copyable code>
              {info.logFile}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('settings.logFileHelp')}
            </Typography.Paragraph>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('settings.version')}>{info.version}</Descriptions.Item>
        <Descriptions.Item label={t('settings.schemaVersion')}>{info.schemaVersion}</Descriptions.Item>
      </Descriptions>
      <GlossaryDialog open={glossaryOpen} onClose={() => setGlossaryOpen(false)} />
    </Modal>
  );
}
