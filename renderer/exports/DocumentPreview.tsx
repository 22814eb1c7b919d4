import { Typography } from 'antd';
import type { Block, DocumentModel } from '../../shared/documents/model';
import { scriptTag } from '../../shared/model/language';
import { classificationBanner } from '../../shared/model/meeting';

const tableStyle = { width: '100%', borderCollapse: 'collapse', marginBottom: 12, fontSize: 12 } as const;
const cellStyle = { border: '1px solid #999', padding: '2px 4px', verticalAlign: 'top', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

const lang = (script: string | undefined) => (script === 'hans' || script === 'hant' ? scriptTag[script] : undefined);

function PreviewBlock({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading':
      return (
        <Typography.Title level={(block.level + 2) as 3 | 4 | 5} lang={lang(block.script)}>
          {block.text}
        </Typography.Title>
      );
    case 'paragraph':
      return (
        <Typography.Paragraph type={block.tone === 'muted' ? 'secondary' : undefined} strong={block.tone === 'emphasis'} lang={lang(block.script)} style={{ whiteSpace: 'pre-wrap' }}>
          {block.text}
        </Typography.Paragraph>
      );
    case 'keyValues':
      return (
        <dl>
          {block.items.map((item, i) => (
            <div key={i}>
              <dt style={{ fontWeight: 600, display: 'inline', marginRight: 8 }}>{item.key}</dt>
              <dd style={{ display: 'inline', margin: 0 }}>{item.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return (
        <table style={tableStyle}>
          <thead>
            <tr>
              {block.columns.map((c, i) => (
                <th key={i} style={{ ...cellStyle, background: '#e8ecf2' }} lang={lang(block.headerScripts?.[i])}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i} style={cellStyle} lang={lang(cell.script)}>
                    {cell.text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'pageBreak':
      return <hr />;
  }
}

/** The document as it will print, from the same model the DOCX and PDF are made from; text is shown as text, never markup. */
export function DocumentPreview({ document }: { document: DocumentModel }) {
  const banner = document.classification ? (
    <Typography.Paragraph strong style={{ color: '#a00', textAlign: 'center', marginBottom: 8 }}>
      {classificationBanner(document.classification, document.script)}
    </Typography.Paragraph>
  ) : null;
  return (
    <article style={{ background: '#fff', padding: 16 }} lang={lang(document.script)} aria-label={document.title}>
      {banner}
      <Typography.Text type="secondary">{document.header}</Typography.Text>
      {document.blocks.map((block, i) => (
        <PreviewBlock key={i} block={block} />
      ))}
      <footer>
        {document.footer.map((line, i) => (
          <Typography.Paragraph key={i} type="secondary">
            {line}
          </Typography.Paragraph>
        ))}
        {banner}
      </footer>
    </article>
  );
}
