import { Flex, Tag, Typography } from 'antd';
import type { components } from '@/lib/api/schema';

type PlanItem = components['schemas']['PlanItem'];

function flatten(items: PlanItem[], depth = 0): { item: PlanItem; depth: number }[] {
  return items.flatMap((item) => [{ item, depth }, ...flatten(item.children ?? [], depth + 1)]);
}

/**
 * The plan at phone width: one card per item, in the plan's order, indented by level, its years
 * and departments as tags. A table of long titles does not fit 360 px; cards do.
 */
export function PlanCards({
  items,
  onOpen,
  empty,
}: {
  items: PlanItem[];
  onOpen: (key: string) => void;
  empty: string;
}) {
  const rows = flatten(items);
  if (rows.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Flex vertical gap={6} data-testid="plan-cards">
      {rows.map(({ item, depth }) => {
        const heading = item.kind === 'section' || item.kind === 'group';
        return (
          <button
            key={item.key}
            type="button"
            className="plan-card"
            data-testid={`plan-item-${item.key}`}
            onClick={() => onOpen(item.key!)}
            // indented by depth, and no wider than the screen for it
            style={{
              marginInlineStart: Math.min(depth, 3) * 8,
              width: `calc(100% - ${Math.min(depth, 3) * 8}px)`,
            }}
          >
            <Typography.Text strong={heading}>
              {item.code ? <strong>{item.code}. </strong> : null}
              {item.title}
            </Typography.Text>
            {!heading && (
              <Flex wrap gap={4} style={{ marginTop: 4 }}>
                {item.years
                  ?.filter((y) => y.raw)
                  .map((y) => (
                    <Tag key={y.year}>
                      {y.year}: {y.raw}
                    </Tag>
                  ))}
                {item.departments?.map((d) => (
                  <Tag key={d.code} color="magenta">
                    {d.shortName}
                  </Tag>
                ))}
              </Flex>
            )}
          </button>
        );
      })}
    </Flex>
  );
}
