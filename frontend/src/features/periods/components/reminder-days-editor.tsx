import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDays } from './reminder-days';

/**
 * The days before the due date a reminder goes to the units that have not sent their report,
 * typed as "7, 2" and saved with a button.
 */
export function ReminderDaysEditor({
  value,
  label,
  saving,
  onSave,
}: {
  value: number[];
  label: string;
  saving: boolean;
  onSave: (days: number[]) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => value.join(', '));
  const days = parseDays(text);
  const changed = days !== undefined && days.join(',') !== value.join(',');
  return (
    <Space.Compact>
      <Input
        aria-label={label}
        aria-invalid={days === undefined || undefined}
        value={text}
        placeholder="7, 2"
        inputMode="numeric"
        status={days === undefined ? 'error' : undefined}
        title={days === undefined ? t('periods.remindFormat') : undefined}
        style={{ width: 90 }}
        onChange={(e) => setText(e.target.value)}
      />
      <Button
        disabled={!changed}
        loading={saving}
        onClick={() => days && onSave(days)}
        aria-label={`${t('app.save')} ${label}`}
      >
        {t('app.save')}
      </Button>
    </Space.Compact>
  );
}
