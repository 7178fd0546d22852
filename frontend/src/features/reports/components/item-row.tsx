import { Button, Flex, Input, Radio, Typography } from 'antd';
import { memo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NumberInput } from '@/components/ui/number-input';
import { formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import type { FormItem, ValueInput } from '../api/submissions';
import { ValueText } from './value-text';

const STATUSES = ['done', 'in_progress', 'not_done', 'not_applicable'] as const;

/** The target beside a value: "Chỉ tiêu: 12 hộ", "Phải thực hiện", "Chưa giao". */
export function TargetText({ item }: { item: FormItem }) {
  const { t, i18n } = useTranslation();
  const target = item.target;
  let text: string;
  if (item.measureType === 'activity') {
    text = target?.required === false ? t('reports.target.optional') : t('reports.target.required');
  } else if (target?.value != null) {
    text =
      formatNumber(Number(target.value), intlLocale(i18n.language)) +
      (item.measureType === 'percentage' ? '%' : item.measureUnit ? ` ${item.measureUnit}` : '');
  } else if (target?.raw) {
    text = target.raw;
  } else {
    text = t('reports.target.none');
  }
  return (
    <Typography.Text type="secondary">
      {t('reports.target.label')}: {text}
    </Typography.Text>
  );
}

/** An item as one line: "2.1. Title", or "6.2 · Chi hội trưởng" for a breakdown row. */
export function ItemLabel({ item }: { item: FormItem }) {
  const label = item.label ?? (item.code ? `${item.code}. ${item.title}` : (item.title ?? ''));
  const split = /^([\d.]+(?:\.|\s·))\s(.*)$/.exec(label);
  if (!split) return <>{label}</>;
  return (
    <>
      <Typography.Text strong>{split[1]}</Typography.Text> {split[2]}
    </>
  );
}

/** One leaf of the report: its title, target, value, note and evidence links. */
export const ItemRow = memo(function ItemRow({
  item,
  value,
  editable,
  error,
  historyOf,
  onChange,
  onProblem,
}: {
  item: FormItem;
  /** The report whose history of this item can be opened, once it exists. */
  historyOf?: number;
  value: ValueInput;
  editable: boolean;
  error?: string;
  onChange: (value: ValueInput) => void;
  /** A number typed that cannot be taken (or undefined once it can), by item key. */
  onProblem?: (item: string, message: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = `item-${item.key}`;
  const links = (value.evidence ?? []).join('\n');
  // The text as typed (a trailing new line included); the links are parsed from it.
  const [linkText, setLinkText] = useState(links);
  // Note and evidence stay behind one tap unless they hold something.
  const [more, setMore] = useState(Boolean(value.note || value.evidence?.length));
  return (
    <div
      className="report-item"
      data-testid={`item-${item.key}`}
      style={{
        padding: '12px 0',
        borderBottom: '1px solid rgba(5,5,5,0.06)',
      }}
    >
      <Flex vertical gap={6}>
        <label htmlFor={id}>
          <ItemLabel item={item} />
        </label>
        <TargetText item={item} />
        {editable ? null : (
          // Read-only: the value as text (legible, unlike a disabled input), links clickable.
          <>
            <span data-testid={`value-${item.key}`}>
              <ValueText value={value} unit={item.measureUnit} />
            </span>
            {(value.evidence ?? []).map((link) => (
              <a key={link} href={link} target="_blank" rel="noreferrer noopener">
                {link}
              </a>
            ))}
          </>
        )}
        {editable ? (
          <Flex wrap gap={8} align="center">
            {item.measureType === 'activity' ? (
              // One tap on a phone, the choice visible without opening anything.
              <Radio.Group
                id={id}
                aria-label={item.title}
                optionType="button"
                buttonStyle="solid"
                value={value.status ?? undefined}
                onChange={(e) =>
                  onChange({ ...value, status: e.target.value as ValueInput['status'] })
                }
                options={STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))}
                className="tap"
                style={{ display: 'flex', flexWrap: 'wrap', rowGap: 4 }}
              />
            ) : (
              <NumberInput
                id={id}
                ariaLabel={item.label ?? item.title}
                whole={item.measureType === 'count'}
                max={item.measureType === 'percentage' ? 100 : undefined}
                percentage={item.measureType === 'percentage'}
                suffix={item.measureType === 'percentage' ? '%' : undefined}
                value={value.number ?? null}
                onChange={(n) => onChange({ ...value, number: n })}
                onProblem={(message) => onProblem?.(item.key!, message)}
              />
            )}
            {item.measureType === 'activity' && value.status ? (
              <Button type="link" onClick={() => onChange({ ...value, status: undefined })}>
                {t('reports.clearStatus')}
              </Button>
            ) : null}
            {item.measureType === 'count' && item.measureUnit ? (
              <Typography.Text type="secondary">{item.measureUnit}</Typography.Text>
            ) : null}
          </Flex>
        ) : null}
        {editable && !more ? (
          <Button
            type="link"
            className="tap"
            style={{ alignSelf: 'flex-start', paddingInline: 0 }}
            onClick={() => setMore(true)}
            aria-expanded={false}
          >
            + {t('reports.noteAndEvidence')}
          </Button>
        ) : null}
        {editable && more ? (
          <Flex vertical gap={4}>
            <label htmlFor={`${id}-note`}>{t('reports.note')}</label>
            <Input.TextArea
              id={`${id}-note`}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={2000}
              value={value.note ?? ''}
              onChange={(e) => onChange({ ...value, note: e.target.value || undefined })}
            />
            <label htmlFor={`${id}-evidence`}>{t('reports.evidence')}</label>
            <Input.TextArea
              id={`${id}-evidence`}
              aria-describedby={`${id}-evidence-help`}
              autoSize={{ minRows: 1, maxRows: 4 }}
              value={linkText}
              onChange={(e) => {
                setLinkText(e.target.value);
                onChange({
                  ...value,
                  evidence: e.target.value
                    .split('\n')
                    .map((l) => l.trim())
                    .filter(Boolean),
                });
              }}
            />
            <Typography.Text type="secondary" id={`${id}-evidence-help`} style={{ fontSize: 13 }}>
              {t('reports.evidenceHelp')}
            </Typography.Text>
          </Flex>
        ) : null}
        {historyOf !== undefined && item.value ? (
          <Link
            to={`/bao-cao/${historyOf}/lich-su?item=${encodeURIComponent(item.key!)}`}
            style={{ fontSize: 13 }}
          >
            {t('reports.itemHistory')}
          </Link>
        ) : null}
        {error ? (
          <Typography.Text type="danger" role="alert">
            {error}
          </Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
});
