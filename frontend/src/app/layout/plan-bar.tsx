import { Alert, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useSelection } from '@/lib/selection';
import { choosePlan, usePlan, type PlanSummary } from '@/lib/api/plans';
import { formatDate } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';

/** The screens that show one plan's data: they say which, and switch it in one click. */
const PLAN_SCREENS = [
  '/',
  '/tien-do',
  '/ke-hoach',
  '/chi-tieu',
  '/chi-tieu/tong-quan',
  '/bao-cao',
  '/duyet',
  '/tong-ket',
  '/ky-bao-cao',
  '/so-lieu-bat-thuong',
  '/thi-dua',
];

function label(p: PlanSummary) {
  return `${p.number ?? p.code} · ${p.termStart ?? ''}–${p.termEnd ?? ''}`;
}

/**
 * Above every screen of a plan: which plan it shows (a choice when there are several: the old term
 * stays readable beside the new one; the choice is kept on this device) and, once the term's
 * figures are locked, that they are archived.
 */
export function PlanBar() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const { get, select } = useSelection({ push: true });
  const { plans, plan } = usePlan(get('plan'));
  const items = plans.data?.items ?? [];
  if (!plan || !PLAN_SCREENS.includes(location.pathname)) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid="plan-bar">
      <Flex gap={8} align="center" wrap>
        <label htmlFor="plan-switch">
          <Typography.Text type="secondary">{t('plan.showing')}</Typography.Text>
        </label>
        {items.length > 1 ? (
          <Select
            id="plan-switch"
            className="tap"
            style={{ minWidth: 200, maxWidth: '100%' }}
            value={plan.code}
            onChange={(code: string) => {
              choosePlan(code);
              select({ plan: code });
            }}
            options={items.map((p) => ({
              value: p.code!,
              label: p.lock ? `${label(p)} · ${t('plan.archived')}` : label(p),
            }))}
          />
        ) : (
          <Typography.Text id="plan-switch">{label(plan)}</Typography.Text>
        )}
      </Flex>
      {plan.lock ? (
        <Alert
          type="info"
          showIcon
          data-testid="plan-locked"
          message={t('plan.lockedBanner', {
            number: plan.number,
            day: formatDate(plan.lock.lockedAt ?? '', intlLocale(i18n.language)),
          })}
        />
      ) : null}
    </Flex>
  );
}
