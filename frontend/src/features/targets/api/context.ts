import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { usePlan } from '@/lib/api/plans';

/** The plan the targets belong to (the first plan the user may read) and its allocatable items. */
export function usePlanContext(planId: string | undefined) {
  const { plans, plan } = usePlan(planId);
  const items = useQuery({
    queryKey: ['plans', plan?.code, 'items', 'flat'],
    queryFn: async () =>
      (
        await api.GET('/api/v1/plans/{planId}/items', {
          params: { path: { planId: plan!.code! }, query: { size: 200 } },
        })
      ).data!,
    enabled: Boolean(plan?.code),
  });
  const all = items.data?.items ?? [];
  const withBreakdowns = new Set(all.filter((i) => i.kind === 'breakdown').map((i) => i.parentKey));
  const allocatable = all.filter(
    (i) => (i.kind === 'leaf' || i.kind === 'breakdown') && i.measure && !withBreakdowns.has(i.key),
  );
  return { plans, plan, items, allocatable, all };
}

/** The units a user can allocate for: their own unit and, at the province, the districts. */
export function useParentChoices(ownCode: string | undefined, ownLevel: number | undefined) {
  return useQuery({
    queryKey: ['org-units', 'parents', ownCode],
    queryFn: async () => {
      const children =
        ownLevel === 1
          ? ((
              await api.GET('/api/v1/org-units', {
                params: { query: { parent: ownCode, level: 2, size: 200 } },
              })
            ).data?.items ?? [])
          : [];
      return children.filter((u) => u.type !== 'affiliated');
    },
    enabled: Boolean(ownCode),
  });
}
