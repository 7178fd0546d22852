import { Button, Flex, Form, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { ScrollBox } from '@/components/ui/scroll-box';
import type { components } from '@/lib/api/schema';
import { formatDate } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { firstOf } from '../held';
import { ReasonModal } from './reason-modal';
import { useDecideLeftData, useLeftData } from '../api/left-data';

type Left = components['schemas']['LeftOnClosedUnit'];

/**
 * What a change of the map left on closed units for periods after they closed: a split unit's or a
 * dissolved unit's reports and targets (a change set moves only what went to one unit alone). The
 * admin of the province moves each kind to a unit it went into, or keeps it where it is, always
 * with the reason.
 */
export function LeftData() {
  const { t, i18n } = useTranslation();
  const left = useLeftData(true);
  const decide = useDecideLeftData();
  const [open, setOpen] = useState<Left>();
  const [form] = Form.useForm<{ reason: string }>();
  // "keep", or the code of the unit to move the data to
  const [choice, setChoice] = useState<string>('keep');
  const locale = intlLocale(i18n.language);

  const close = () => {
    setOpen(undefined);
    form.resetFields();
    decide.reset();
  };
  const submit = async () => {
    if (!open) return;
    const v = await form.validateFields();
    decide.mutate(
      {
        unitCode: open.unitCode!,
        kind: open.kind as 'reports' | 'targets',
        action: choice === 'keep' ? 'keep' : 'move',
        to: choice === 'keep' ? undefined : choice,
        reason: v.reason,
      },
      { onSuccess: close },
    );
  };
  const successors = open?.successors ?? [];

  if (left.isError) return <QueryError error={left.error} onRetry={() => void left.refetch()} />;
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('changeSets.left.heading')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('changeSets.left.help')}</Typography.Text>
      <ScrollBox label={t('changeSets.left.heading')}>
        <Table<Left>
          size="small"
          rowKey={(r) => `${r.unitCode}/${r.kind}`}
          loading={left.isPending}
          dataSource={left.data ?? []}
          pagination={false}
          locale={{ emptyText: <Typography.Text>{t('changeSets.left.none')}</Typography.Text> }}
          columns={[
            { title: t('changeSets.left.unit'), render: (_, r) => `${r.unitName} (${r.unitCode})` },
            { title: t('changeSets.left.from'), render: (_, r) => formatDate(r.from!, locale) },
            {
              title: t('changeSets.left.what'),
              render: (_, r) =>
                t(`changeSets.left.kind.${r.kind}`, { count: r.count, first: firstOf(r, t) }),
            },
            {
              title: t('changeSets.left.into'),
              render: (_, r) =>
                (r.successors ?? []).length > 0
                  ? r.successors!.map((u) => `${u.name} (${u.code})`).join(', ')
                  : t('changeSets.left.dissolved'),
            },
            {
              title: '',
              render: (_, r) =>
                r.kept ? (
                  <Flex vertical gap={2}>
                    <Tag color="default">{t('changeSets.left.kept')}</Tag>
                    <Typography.Text type="secondary">
                      {r.kept.by} · {r.kept.reason}
                    </Typography.Text>
                  </Flex>
                ) : (
                  <Button
                    size="small"
                    data-testid={`decide-${r.unitCode}-${r.kind}`}
                    aria-label={`${t('changeSets.left.decide')} ${r.unitName} · ${t(`changeSets.left.kindName.${r.kind}`)}`}
                    onClick={() => {
                      setOpen(r);
                      setChoice(r.successors?.[0]?.code ?? 'keep');
                    }}
                  >
                    {t('changeSets.left.decide')}
                  </Button>
                ),
            },
          ]}
        />
      </ScrollBox>
      <ReasonModal
        open={Boolean(open)}
        title={
          open &&
          t('changeSets.left.title', {
            what: t(`changeSets.left.kind.${open.kind}`, {
              count: open.count,
              first: firstOf(open, t),
            }),
            unit: `${open.unitName} (${open.unitCode})`,
          })
        }
        okText={t('changeSets.left.save')}
        form={form}
        pending={decide.isPending}
        error={decide.error}
        reasonLabel={t('changeSets.left.reason')}
        required={t('changeSets.left.required')}
        onCancel={close}
        onOk={() => void submit()}
      >
        <Form.Item label={t('changeSets.left.action')}>
          <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as string)}>
            <Flex vertical gap={4}>
              {successors.map((u) => (
                <Radio key={u.code} value={u.code}>
                  {t('changeSets.left.moveTo', { unit: `${u.name} (${u.code})` })}
                </Radio>
              ))}
              <Radio value="keep">{t('changeSets.left.keep')}</Radio>
            </Flex>
          </Radio.Group>
        </Form.Item>
      </ReasonModal>
    </Flex>
  );
}
