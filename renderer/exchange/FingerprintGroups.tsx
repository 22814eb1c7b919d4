import { useTranslation } from 'react-i18next';

/**
 * A fingerprint as two people read it to each other: twelve groups of five digits in large type,
 * four to a line, each group its own cell so the eye (or a screen reader) goes group by group.
 */
export function FingerprintGroups({ fingerprint }: { fingerprint: string }) {
  const { t } = useTranslation();
  const groups = fingerprint.split(' ');
  return (
    <ol className="fingerprint" aria-label={t('exchange.enrol.fingerprint')}>
      {groups.map((group, index) => (
        <li key={index}>{group}</li>
      ))}
    </ol>
  );
}
