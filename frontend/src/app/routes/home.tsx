import { Flex } from 'antd';
import { OverviewRoute } from '@/features/me/routes/overview';
import { DashboardPage } from '@/features/progress/routes/dashboard-page';
import { useMe } from '@/lib/api/me';

/**
 * The first page: who you are and what waits for you, then the progress of your unit and
 * everything below it (a leader's dashboard; a commune's own items against its targets).
 */
export function HomeRoute() {
  const me = useMe();
  return (
    <Flex vertical gap={24}>
      <OverviewRoute />
      {me.data?.orgUnit ? <DashboardPage /> : null}
    </Flex>
  );
}
