import { Descriptions, Drawer, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { formatDate } from '@/lib/format';
import { intlLocale } from '@/lib/i18n';
import { useUnit } from '@/lib/api/shared-reads';

/** One unit on a day: where it sits, since when, and what it came from or became. */
export function UnitDrawer({
  code,
  validOn,
  onClose,
}: {
  code?: string;
  validOn?: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const query = useUnit(code, validOn);
  const detail = query.data;
  const date = (d?: string) => (d ? formatDate(d, intlLocale(i18n.language)) : '–');
  return (
    <Drawer
      open={Boolean(code)}
      onClose={onClose}
      title={detail?.unit?.name ?? code}
      width={Math.min(520, window.innerWidth)}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {detail?.unit && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('me.unitCode')}>{detail.unit.code}</Descriptions.Item>
            <Descriptions.Item label={t('me.unitType')}>
              {t(`unitType.${detail.unit.type}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('me.level')}>
              {t(`level.${detail.unit.level}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('units.parents')}>
              {detail.parents?.map((p) => p.name).join(' › ') || '–'}
            </Descriptions.Item>
            <Descriptions.Item label={t('units.validFrom')}>
              {date(detail.unit.validFrom)}
            </Descriptions.Item>
            <Descriptions.Item label={t('units.validTo')}>
              {detail.unit.validTo ? date(detail.unit.validTo) : t('units.stillValid')}
            </Descriptions.Item>
            <Descriptions.Item label={t('units.children')}>{detail.childCount}</Descriptions.Item>
          </Descriptions>
          {[
            { title: t('units.predecessors'), links: detail.predecessors },
            { title: t('units.successors'), links: detail.successors },
          ]
            .filter((s) => s.links && s.links.length > 0)
            .map((s) => (
              <List
                key={s.title}
                style={{ marginTop: 16 }}
                size="small"
                header={<Typography.Text strong>{s.title}</Typography.Text>}
                dataSource={s.links}
                renderItem={(link) => (
                  <List.Item>
                    {date(link.effectiveDate)} · {t(`units.change.${link.change}`)} ·{' '}
                    {link.name ?? link.unit?.name ?? '–'}{' '}
                    {(link.code ?? link.unit?.code) && `(${link.code ?? link.unit?.code})`}
                    {link.code && !link.unit && <Tag>{t('units.outside')}</Tag>}
                    {!link.confirmed && <Tag color="#ad4e00">{t('units.unconfirmed')}</Tag>}
                  </List.Item>
                )}
              />
            ))}
        </>
      )}
    </Drawer>
  );
}
