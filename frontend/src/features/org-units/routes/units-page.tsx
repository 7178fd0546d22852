import { Flex, Input, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSelection } from '@/lib/selection';
import { PageLoading } from '@/components/ui/page-loading';
import { QueryError } from '@/components/ui/query-error';
import { useMe } from '@/lib/api/me';
import type { OrgUnitNode } from '@/lib/api/types';
import { fold } from '@/lib/text';
import { UnitDrawer } from '../components/unit-drawer';
import { useUnit } from '@/lib/api/shared-reads';
import { useSubtree } from '../api/get-units';

type Shown = { nodes: DataNode[]; keys: string[] };

/** Keeps the units whose name or code matches, with the units above them. */
function toTree(node: OrgUnitNode, query: string): Shown | null {
  const children = (node.children ?? [])
    .map((c) => toTree(c, query))
    .filter((c): c is Shown => c !== null);
  const matches =
    !query || fold(node.name ?? '').includes(query) || (node.code ?? '').includes(query);
  if (!matches && children.length === 0) return null;
  const key = node.code!;
  return {
    nodes: [
      {
        key,
        title: (
          <span>
            <span>{node.name}</span>{' '}
            <Typography.Text type="secondary">· {node.code}</Typography.Text>
          </span>
        ),
        children: children.flatMap((c) => c.nodes),
      },
    ],
    keys: [key, ...children.flatMap((c) => c.keys)],
  };
}

/** The units the user may see, as a tree, on a chosen day, with search. */
export function UnitsPage() {
  const { t } = useTranslation();
  const { get, select } = useSelection();
  const me = useMe();
  const asOf = get('asOf');
  const q = get('q') ?? '';
  const own = useUnit(me.data?.orgUnitCode ?? undefined);
  const rootCode = own.data ? (own.data.parents?.at(-1)?.code ?? own.data.unit?.code) : undefined;
  const subtree = useSubtree(rootCode, asOf);

  const shown = useMemo(
    () => (subtree.data ? toTree(subtree.data, fold(q)) : null),
    [subtree.data, q],
  );

  if (me.isPending || own.isPending) return <PageLoading />;
  if (own.isError) return <QueryError error={own.error} onRetry={() => void own.refetch()} />;

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('units.heading')}
        </Typography.Title>
        {/* the map changes through an admin of the province (docs/adr/0010) */}
        {me.data?.roles?.includes('admin') && me.data.orgUnit?.level === 1 && (
          <Link to="/don-vi/thay-doi">{t('units.changeSets')}</Link>
        )}
      </Flex>
      <Flex wrap gap={8} role="search">
        <Input.Search
          allowClear
          placeholder={t('units.search')}
          aria-label={t('units.search')}
          defaultValue={q}
          onSearch={(v) => select({ q: v.trim() })}
          onChange={(e) => !e.target.value && select({ q: null })}
          style={{ width: 260 }}
        />
        <label>
          <Typography.Text style={{ marginRight: 8 }}>{t('units.asOf')}</Typography.Text>
          <Input
            type="date"
            aria-label={t('units.asOf')}
            value={asOf ?? ''}
            onChange={(e) => select({ asOf: e.target.value })}
            style={{ width: 170 }}
          />
        </label>
      </Flex>
      {subtree.isError && (
        <QueryError error={subtree.error} onRetry={() => void subtree.refetch()} />
      )}
      {subtree.isPending ? (
        <PageLoading />
      ) : shown ? (
        <Tree
          key={`${q}|${asOf ?? ''}`}
          treeData={shown.nodes}
          defaultExpandedKeys={q || shown.keys.length <= 40 ? shown.keys : shown.keys.slice(0, 1)}
          onSelect={(keys) => keys[0] && select({ unit: String(keys[0]) })}
          blockNode
        />
      ) : (
        <Typography.Text>{t('units.noMatch')}</Typography.Text>
      )}
      <UnitDrawer code={get('unit')} validOn={asOf} onClose={() => select({ unit: null })} />
    </Flex>
  );
}
