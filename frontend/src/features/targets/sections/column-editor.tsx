import { useState } from 'react';
import type { components } from '@/lib/api/schema';
import type { AllocationKey, FillMethod, useSaveAllocation } from '../api/allocation';
import { ClosedDuringYear } from '../components/closed-during-year';
import { useColumnDraft } from '../hooks/use-column-draft';
import { AllocationHistory } from './allocation-history';
import { ColumnRows } from './column-rows';
import { ColumnTotals } from './column-totals';
import { FillBar } from './fill-bar';
import { SaveBar } from './save-bar';

type AllocationColumn = components['schemas']['AllocationColumn'];

type Props = {
  allocationKey: AllocationKey;
  column: AllocationColumn;
  etag: string;
  canEdit: boolean;
  save: ReturnType<typeof useSaveAllocation>;
};

/**
 * One column being allocated: its totals, the fills, a row per unit below, the save and the
 * history. Mounted afresh for every column version (its key), so the draft starts from it.
 */
export function ColumnEditor({ allocationKey, column, etag, canEdit, save }: Props) {
  const draft = useColumnDraft(column);
  const [method, setMethod] = useState<FillMethod | 'manual'>('manual');
  return (
    <>
      <ColumnTotals
        column={column}
        sum={draft.sum}
        difference={draft.difference}
        status={draft.status}
      />
      {canEdit && (
        <FillBar
          allocationKey={allocationKey}
          column={column}
          onProposal={(rows, fillMethod) => {
            draft.propose(rows);
            setMethod(fillMethod);
          }}
          onProblem={draft.problem('perUnit')}
        />
      )}
      <ColumnRows
        column={column}
        draft={draft.draft}
        canEdit={canEdit}
        setRow={draft.setRow}
        problem={draft.problem}
      />
      <ClosedDuringYear column={column} />
      {canEdit && (
        <SaveBar
          column={column}
          etag={etag}
          save={save}
          changes={draft.changes}
          problemCount={draft.problemCount}
          method={method}
          sum={draft.sum}
          difference={draft.difference}
        />
      )}
      <AllocationHistory allocationKey={allocationKey} column={column} />
    </>
  );
}
