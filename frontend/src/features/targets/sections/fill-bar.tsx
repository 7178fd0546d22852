import { Button, Checkbox, Flex, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberInput } from '@/components/ui/number-input';
import { QueryError } from '@/components/ui/query-error';
import type { components } from '@/lib/api/schema';
import { proposeFill, type AllocationKey, type FillMethod } from '../api/allocation';
import { useWeights } from '../api/weights';
import { WeightsModal } from '../components/weights-modal';

type AllocationColumn = components['schemas']['AllocationColumn'];
type Proposal = Awaited<ReturnType<typeof proposeFill>>;

type Props = {
  allocationKey: AllocationKey;
  column: AllocationColumn;
  /** A fill the server proposed, to lay over what is typed; the method goes with the save. */
  onProposal: (rows: NonNullable<Proposal['rows']>, method: FillMethod) => void;
  /** Says (or clears) why the fill value cannot be taken. */
  onProblem: (message: string | undefined) => void;
};

/**
 * The ways to fill a column at once, each proposed by the server (docs/adr/0002): from the former
 * units (a unit a change of the map made), equally, in proportion to a weight, the same value
 * for each unit or per commune below it.
 */
export function FillBar({ allocationKey: key, column, onProposal, onProblem }: Props) {
  const { t } = useTranslation();
  const measure = column.measure;
  const [weight, setWeight] = useState('communes');
  const [weightsOpen, setWeightsOpen] = useState(false);
  const weights = useWeights(key.year, key.parent);
  const [perUnit, setPerUnit] = useState<number | undefined>(1);
  // Units with no cơ sở Hội (the affiliated Công an, Quân sự) are left out of splits unless put back.
  const [withoutCommunes, setWithoutCommunes] = useState(false);
  const noCommunes = (column.rows ?? []).filter((r) => (r.communes ?? 0) === 0);
  const [fillError, setFillError] = useState<unknown>();
  // units that began during the year before or this year: a change of the map made them, and
  // their former units' targets are the proposal (docs/adr/0011)
  const newUnits = (column.rows ?? []).filter(
    (r) => (r.unit?.validFrom ?? '') > `${Number(key.year) - 2}-12-31`,
  ).length;

  const fill = async (method: FillMethod) => {
    setFillError(undefined);
    try {
      const split = method === 'equal' || method === 'proportional';
      const proposal = await proposeFill(
        key,
        method,
        method === 'each' || method === 'per-commune' ? (perUnit ?? 0) : undefined,
        method === 'proportional' ? weight : undefined,
        split && withoutCommunes ? (column.rows ?? []).map((r) => r.unit!.code!) : undefined,
      );
      onProposal(proposal.rows ?? [], method);
    } catch (error) {
      setFillError(error);
    }
  };

  return (
    <>
      <Flex wrap gap={8} align="center">
        {newUnits > 0 && (
          <Button onClick={() => void fill('predecessors')}>
            {t('targets.fill.predecessors', { count: newUnits })}
          </Button>
        )}
        {measure === 'count' && (
          <>
            <Button onClick={() => void fill('equal')}>{t('targets.fill.equal')}</Button>
            {noCommunes.length > 0 && (
              <Checkbox
                checked={withoutCommunes}
                onChange={(e) => setWithoutCommunes(e.target.checked)}
              >
                {t('targets.fill.withoutCommunes', {
                  units: noCommunes.map((r) => r.unit?.name).join(', '),
                })}
              </Checkbox>
            )}
            <Space.Compact>
              <Select
                aria-label={t('targets.weights.use')}
                value={weight}
                onChange={setWeight}
                style={{ width: 150 }}
                options={[
                  { value: 'communes', label: t('targets.weights.communes') },
                  ...(weights.data?.names ?? []).map((n) => ({ value: n, label: n })),
                ]}
              />
              <Button onClick={() => void fill('proportional')}>
                {t('targets.fill.proportional')}
              </Button>
            </Space.Compact>
            <Button type="link" onClick={() => setWeightsOpen(true)}>
              {t('targets.weights.edit')}
            </Button>
            <WeightsModal
              open={weightsOpen}
              onClose={() => setWeightsOpen(false)}
              year={key.year}
              parent={key.parent}
            />
          </>
        )}
        {measure !== 'activity' && (
          <Space.Compact>
            <NumberInput
              ariaLabel={t('targets.fill.value')}
              whole={measure === 'count'}
              max={measure === 'percentage' ? 100 : undefined}
              percentage={measure === 'percentage'}
              value={perUnit}
              onChange={setPerUnit}
              onProblem={onProblem}
              width={110}
            />
            <Button onClick={() => void fill('each')}>{t('targets.fill.each')}</Button>
            {measure === 'count' && (
              <Button onClick={() => void fill('per-commune')}>
                {t('targets.fill.perCommune')}
              </Button>
            )}
          </Space.Compact>
        )}
      </Flex>
      {fillError !== undefined && <QueryError error={fillError} />}
    </>
  );
}
