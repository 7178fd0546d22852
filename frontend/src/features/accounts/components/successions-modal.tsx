import { Alert, Button, Flex, Modal, Radio, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { ScrollBox } from '@/components/ui/scroll-box';
import type { components } from '@/lib/api/schema';
import { useAccountSuccessions, type Dissolved } from '../api/accounts';

type Succession = components['schemas']['AccountSuccession'];

const ACTION_COLORS: Record<string, string | undefined> = {
  move: '#237804',
  move_up: '#0958d9',
  disable: '#a8071a',
  decide: '#ad4e00',
};

/**
 * The accounts left on units a change of the map closed: where each goes (the unit that took
 * over, by lineage), checked first, then done in one step; split units and the admin's own
 * account are left for a decision, and a dissolved unit's accounts go up or are disabled as asked.
 */
export function SuccessionsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useAccountSuccessions();
  const [dissolved, setDissolved] = useState<Dissolved>('keep');
  const result = run.data;
  const { mutate, reset } = run;

  // every time it opens, and whenever the choice changes: what would be done, nothing changed
  useEffect(() => {
    if (open) mutate({ dryRun: true, dissolved });
  }, [open, dissolved, mutate]);

  const close = () => {
    reset();
    onClose();
  };
  const pending = (result?.accounts ?? []).some((a) => a.action !== 'decide' && !a.done);

  return (
    <Modal
      open={open}
      title={t('accounts.successions.title')}
      onCancel={close}
      width="min(860px, 100vw)"
      destroyOnHidden
      footer={
        <Flex wrap gap={8} justify="end">
          <Button onClick={close}>{t('app.close')}</Button>
          <Button
            type="primary"
            disabled={!result?.dryRun || !pending}
            loading={run.isPending}
            onClick={() => mutate({ dryRun: false, dissolved })}
            data-testid="successions-run"
          >
            {t('accounts.successions.run')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text>{t('accounts.successions.help')}</Typography.Text>
        <Flex vertical gap={4}>
          <Typography.Text strong id="dissolved-label">
            {t('accounts.successions.dissolved')}
          </Typography.Text>
          <Radio.Group
            aria-labelledby="dissolved-label"
            value={dissolved}
            onChange={(e) => setDissolved(e.target.value as Dissolved)}
            options={(['keep', 'up', 'disable'] as const).map((d) => ({
              value: d,
              label: t(`accounts.successions.choice.${d}`),
            }))}
          />
        </Flex>
        {run.isError && <QueryError error={run.error} />}
        {result && (
          <Alert
            showIcon
            type={result.dryRun ? 'info' : 'success'}
            data-testid="successions-summary"
            message={t(
              result.dryRun ? 'accounts.successions.wouldBe' : 'accounts.successions.done',
              { moved: result.moved, disabled: result.disabled, undecided: result.undecided },
            )}
          />
        )}
        {result && (
          <ScrollBox label={t('accounts.successions.title')}>
            <Table<Succession>
              size="small"
              rowKey="id"
              dataSource={result.accounts ?? []}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{
                emptyText: <Typography.Text>{t('accounts.successions.none')}</Typography.Text>,
              }}
              columns={[
                { title: t('accounts.username'), dataIndex: 'username' },
                {
                  title: t('accounts.successions.closedUnit'),
                  render: (_, a) => `${a.unitName ?? '–'} (${a.unitCode})`,
                },
                {
                  title: t('accounts.successions.action'),
                  render: (_, a) => (
                    <Tag color={ACTION_COLORS[a.action ?? 'decide']}>
                      {t(`accounts.successions.actions.${a.action}`)}
                      {a.done ? ' ✓' : ''}
                    </Tag>
                  ),
                },
                {
                  title: t('accounts.successions.to'),
                  render: (_, a) =>
                    a.toCode
                      ? `${a.toName} (${a.toCode})`
                      : (a.candidates ?? []).length > 0
                        ? (a.candidates ?? []).join(', ')
                        : '–',
                },
                { title: t('accounts.successions.reason'), dataIndex: 'reason' },
              ]}
            />
          </ScrollBox>
        )}
      </Flex>
    </Modal>
  );
}
