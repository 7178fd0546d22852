import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { parseDay } from '@/lib/day';

/**
 * A due date typed and shown as dd/MM/yyyy whatever the browser's locale, saved with a button
 * (never on leaving the field).
 */
export function DueDateEditor({
  value,
  label,
  saving,
  onSave,
}: {
  value: string;
  label: string;
  saving: boolean;
  onSave: (iso: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDate(value, 'vi-VN'));
  const iso = parseDay(text);
  const changed = iso !== undefined && iso !== value;
  const invalid = text.trim() !== '' && iso === undefined;
  return (
    <Space.Compact>
      <Input
        aria-label={label}
        aria-invalid={invalid || undefined}
        value={text}
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        status={invalid ? 'error' : undefined}
        title={invalid ? t('periods.dateFormat') : undefined}
        style={{ width: 130 }}
        onChange={(e) => setText(e.target.value)}
      />
      <Button
        disabled={!changed}
        loading={saving}
        onClick={() => iso && onSave(iso)}
        aria-label={`${t('app.save')} ${label}`}
      >
        {t('app.save')}
      </Button>
    </Space.Compact>
  );
}
