import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';

type Shown = { number?: string | number | null; status?: string | null; note?: string | null };

/** A reported value as a reader sees it: "12", "Đã thực hiện", with its note. */
export function ValueText({ value, unit }: { value?: Shown | null; unit?: string | null }) {
  const { t, i18n } = useTranslation();
  if (!value || (value.number == null && !value.status && !value.note)) {
    return <Typography.Text type="secondary">{t('reports.noValue')}</Typography.Text>;
  }
  const parts: string[] = [];
  if (value.number != null) {
    parts.push(
      formatNumber(Number(value.number), intlLocale(i18n.language)) + (unit ? ` ${unit}` : ''),
    );
  }
  if (value.status) {
    parts.push(t(`reports.status.${value.status}`));
  }
  return (
    <span>
      {parts.join(' · ')}
      {value.note ? <em> — {value.note}</em> : null}
    </span>
  );
}
