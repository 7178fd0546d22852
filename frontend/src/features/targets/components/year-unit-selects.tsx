import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

type Unit = { code?: string; name?: string };

/** The year this calendar year falls in, or the plan's first year. */
export function defaultYear(years: number[]): string {
  return String(years.find((y) => y >= new Date().getFullYear()) ?? years[0] ?? '');
}

/** Choose the year and the allocating unit (the user's own, or a district for the province). */
export function YearUnitSelects(props: {
  years: number[];
  year: string;
  onYear: (year: string) => void;
  unit: string | undefined;
  onUnit: (code: string) => void;
  own: Unit | undefined;
  below: Unit[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        aria-label={t('plan.year')}
        style={{ width: 110 }}
        value={props.year}
        onChange={props.onYear}
        options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      <Select
        aria-label={t('targets.parent')}
        style={{ width: 220 }}
        value={props.unit}
        onChange={props.onUnit}
        options={[...(props.own ? [props.own] : []), ...props.below].map((u) => ({
          value: u.code,
          label: u.name,
        }))}
      />
    </>
  );
}
