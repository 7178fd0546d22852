import { Checkbox, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NumberInput } from '@/components/ui/number-input';
import { formatNumber } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import type { components } from '@/lib/api/schema';
import type { Draft } from '../hooks/use-column-draft';

type AllocationColumn = components['schemas']['AllocationColumn'];

type Props = {
  column: AllocationColumn;
  draft: Draft;
  canEdit: boolean;
  setRow: (code: string, row: Draft[string]) => void;
  /** Says (or clears) why what is typed for a unit cannot be taken. */
  problem: (code: string) => (message: string | undefined) => void;
};

/** A row per unit below: its target as typed (or "must do" for an activity, or "not given"). */
export function ColumnRows({ column, draft, canEdit, setRow, problem }: Props) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const measure = column.measure;
  return (
    <Table
      size="small"
      rowKey={(r) => r.unit!.code!}
      pagination={false}
      dataSource={column.rows ?? []}
      columns={[
        {
          title: t('targets.unit'),
          render: (_, r) => (
            <span>
              {r.unit?.name} <Typography.Text type="secondary">· {r.unit?.code}</Typography.Text>
            </span>
          ),
        },
        {
          title: t('targets.communes'),
          dataIndex: 'communes',
          width: 90,
          responsive: ['sm'],
        },
        {
          title: measure === 'activity' ? t('targets.mustDo') : t('targets.target'),
          width: 150,
          render: (_, r) => {
            const code = r.unit!.code!;
            const current = draft[code];
            if (measure === 'activity') {
              return (
                <Checkbox
                  aria-label={r.unit?.name}
                  disabled={!canEdit}
                  checked={Boolean(current?.required)}
                  onChange={(e) => setRow(code, { required: e.target.checked })}
                />
              );
            }
            const notGiven = current?.required === false;
            return canEdit ? (
              <Flex vertical gap={2}>
                {notGiven ? null : (
                  <NumberInput
                    ariaLabel={r.unit?.name}
                    whole={measure === 'count'}
                    max={measure === 'percentage' ? 100 : undefined}
                    percentage={measure === 'percentage'}
                    suffix={measure === 'percentage' ? '%' : undefined}
                    value={current?.value ?? null}
                    onChange={(v) => setRow(code, { value: v ?? null })}
                    onProblem={problem(code)}
                    width="100%"
                  />
                )}
                {/* The item does not apply to this unit: it gets nothing and does not report it. */}
                <Checkbox
                  checked={notGiven}
                  aria-label={t('targets.notGivenFor', { unit: r.unit?.name })}
                  onChange={(e) => {
                    problem(code)(undefined);
                    setRow(
                      code,
                      e.target.checked ? { value: null, required: false } : { value: null },
                    );
                  }}
                >
                  {t('targets.notGiven')}
                </Checkbox>
              </Flex>
            ) : (
              <span>
                {notGiven
                  ? t('targets.notGiven')
                  : typeof current?.value === 'number'
                    ? formatNumber(current.value, locale)
                    : '–'}
              </span>
            );
          },
        },
      ]}
    />
  );
}
