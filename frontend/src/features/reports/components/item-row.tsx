import { Button, Flex, Input, InputNumber, Radio, Typography } from 'antd';
import { memo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
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

/** One leaf of the report: its title, target, value, note and evidence links. */
export const ItemRow = memo(function ItemRow({
  item,
  value,
  editable,
  error,
  historyOf,
  onChange,
}: {
  item: FormItem;
  /** The report whose history of this item can be opened, once it exists. */
  historyOf?: number;
  value: ValueInput;
  editable: boolean;
  error?: string;
  onChange: (value: ValueInput) => void;
}) {
  const { t } = useTranslation();
  const id = `item-${item.key}`;
  const links = (value.evidence ?? []).join('\n');
  // The text as typed (a trailing new line included); the links are parsed from it.
  const [linkText, setLinkText] = useState(links);
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
          <Typography.Text strong>{item.code ? `${item.code}. ` : ''}</Typography.Text>
          {item.title}
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
                style={{ display: 'flex', flexWrap: 'wrap', rowGap: 4 }}
              />
            ) : (
              <InputNumber
                id={id}
                aria-label={item.title}
                min={0}
                max={item.measureType === 'percentage' ? 100 : undefined}
                inputMode="decimal"
                style={{ width: 160 }}
                suffix={item.measureType === 'percentage' ? '%' : undefined}
                value={value.number ?? null}
                onChange={(n) => onChange({ ...value, number: n == null ? undefined : Number(n) })}
                status={error ? 'error' : undefined}
              />
            )}
            {item.measureType === 'activity' && value.status ? (
              <Button type="link" onClick={() => onChange({ ...value, status: undefined })}>
                {t('reports.clearStatus')}
              </Button>
            ) : null}
            {item.measureType !== 'activity' && item.measureUnit ? (
              <Typography.Text type="secondary">{item.measureUnit}</Typography.Text>
            ) : null}
          </Flex>
        ) : null}
        {editable ? (
          <Input.TextArea
            aria-label={t('reports.note')}
            placeholder={t('reports.note')}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            value={value.note ?? ''}
            onChange={(e) => onChange({ ...value, note: e.target.value || undefined })}
          />
        ) : null}
        {editable ? (
          <Input.TextArea
            aria-label={t('reports.evidence')}
            placeholder={t('reports.evidenceHelp')}
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
