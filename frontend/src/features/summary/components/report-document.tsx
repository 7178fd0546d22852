import { Button, Flex, Input, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SummaryBlock, SummaryEdit, SummaryReport, SummaryRow } from '../api/summary';
import { ScrollBox } from '@/components/ui/scroll-box';

type Props = {
  report: SummaryReport;
  edit: SummaryEdit;
  editing: boolean;
  onChange: (edit: SummaryEdit) => void;
};

const paper: React.CSSProperties = {
  background: '#fff',
  border: '1px solid #e5e5e5',
  borderRadius: 4,
  padding: 'clamp(12px, 4vw, 40px)',
  fontFamily: '"Times New Roman", "Liberation Serif", Tinos, serif',
  fontSize: 16,
  lineHeight: 1.5,
  maxWidth: 860,
};

/**
 * The report as it will print: letterhead, title, body, results table, recipients and signature.
 * While editing, each paragraph is a text box with its draft one click away.
 */
export function ReportDocument({ report, edit, editing, onChange }: Props) {
  const { t } = useTranslation();
  const h = report.letterhead!;
  const paragraph = (b: SummaryBlock) => {
    const key = b.key!;
    const text = edit.paragraphs?.[key] ?? b.text ?? '';
    const edited = text !== (b.draft ?? '');
    if (!editing) {
      return text ? (
        text.split('\n').map((line, i) => (
          <p
            key={`${key}-${i}`}
            style={{ textIndent: '2em', textAlign: 'justify', margin: '0 0 6px' }}
          >
            {line}
          </p>
        ))
      ) : (
        <p key={key} style={{ margin: '0 0 6px' }}>
          <Typography.Text type="secondary">{t('summary.emptyParagraph')}</Typography.Text>
        </p>
      );
    }
    return (
      <Flex key={key} vertical gap={4} style={{ marginBottom: 8 }}>
        <Input.TextArea
          aria-label={t('summary.paragraph', { key })}
          data-testid={`paragraph-${key}`}
          autoSize={{ minRows: 2 }}
          value={text}
          maxLength={10000}
          onChange={(e) =>
            onChange({ ...edit, paragraphs: { ...edit.paragraphs, [key]: e.target.value } })
          }
          style={{ fontFamily: 'inherit', fontSize: 15 }}
        />
        {edited ? (
          <Flex gap={8} align="center" wrap>
            <Tag color="blue">{t('summary.edited')}</Tag>
            <Button
              size="small"
              type="link"
              onClick={() =>
                onChange({ ...edit, paragraphs: { ...edit.paragraphs, [key]: b.draft ?? '' } })
              }
            >
              {t('summary.restoreDraft')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    );
  };

  return (
    <article style={paper} lang="vi" data-testid="summary-document">
      <Flex wrap justify="space-between" gap={12} style={{ textAlign: 'center' }}>
        <div style={{ flex: '1 1 240px' }}>
          <div>{h.union}</div>
          <div style={{ fontWeight: 700, textDecoration: 'underline' }}>{h.issuer}</div>
          <div style={{ marginTop: 6 }}>
            {`Số: ${h.number || '\u00a0\u00a0\u00a0\u00a0\u00a0'}/${h.symbol}`}
          </div>
        </div>
        <div style={{ flex: '1 1 300px' }}>
          <div style={{ fontWeight: 700 }}>{h.nation}</div>
          <div style={{ fontWeight: 700, textDecoration: 'underline' }}>{h.motto}</div>
          <div style={{ marginTop: 6, fontStyle: 'italic' }}>{h.dateLine}</div>
        </div>
      </Flex>
      <div style={{ textAlign: 'center', fontWeight: 700, margin: '20px 0 12px' }}>
        <div style={{ fontSize: 18 }}>{report.title}</div>
        <div>{report.subject}</div>
      </div>
      {(report.blocks ?? []).map((b, i) => {
        if (b.type === 'heading')
          return (
            <h3 key={i} style={{ fontSize: 16, margin: '14px 0 6px' }}>
              {b.text}
            </h3>
          );
        if (b.type === 'subheading')
          return (
            <h4 key={i} style={{ fontSize: 16, fontStyle: 'italic', margin: '10px 0 6px' }}>
              {b.text}
            </h4>
          );
        if (b.type === 'table') return <ResultsTable key={i} rows={report.table ?? []} />;
        return paragraph(b);
      })}
      <Flex wrap justify="space-between" gap={16} style={{ marginTop: 24 }}>
        <div style={{ flex: '1 1 240px', fontSize: 14 }}>
          <div style={{ fontWeight: 700, fontStyle: 'italic' }}>Nơi nhận:</div>
          <div style={{ whiteSpace: 'pre-line' }}>{edit.recipients || report.recipients}</div>
        </div>
        <div style={{ flex: '1 1 240px', textAlign: 'center', fontWeight: 700 }}>
          <div>{report.signerOnBehalf}</div>
          <div>{edit.signerTitle || report.signerTitle}</div>
          <div style={{ marginTop: 64 }}>{edit.signerName || report.signerName}</div>
        </div>
      </Flex>
    </article>
  );
}

function ResultsTable({ rows }: { rows: SummaryRow[] }) {
  const { t } = useTranslation();
  // A region that scrolls sideways on a phone, reachable by keyboard (axe: scrollable-region-focusable).
  return (
    <ScrollBox label={t('summary.table.region')} style={{ margin: '8px 0 12px' }}>
      <Table<SummaryRow>
        size="small"
        bordered
        pagination={false}
        style={{ minWidth: 640, fontFamily: 'system-ui, sans-serif' }}
        rowKey={(r) => `${r.kind}-${r.code ?? ''}-${r.label}`}
        dataSource={rows}
        rowClassName={(r) => (r.kind === 'item' ? '' : 'summary-group-row')}
        columns={[
          { title: 'TT', dataIndex: 'code', width: 64 },
          {
            title: t('summary.table.item'),
            dataIndex: 'label',
            render: (v: string, r) => (r.kind === 'item' ? v : <strong>{v}</strong>),
          },
          { title: t('summary.table.target'), dataIndex: 'targetText', align: 'right', width: 110 },
          {
            title: t('summary.table.achieved'),
            dataIndex: 'achievedText',
            align: 'right',
            width: 110,
          },
          { title: t('summary.table.ratio'), dataIndex: 'ratioText', align: 'right', width: 80 },
          { title: t('summary.table.verdict'), dataIndex: 'verdictText', width: 100 },
        ]}
      />
    </ScrollBox>
  );
}
