import { Collapse, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FlaggedValue, SubmissionFlags } from '../api/flags';
import type { FormItem } from '../api/submissions';
import { ItemRow } from '../components/item-row';
import { isFilled, type sections } from '../components/report-sections';
import { ValueFlags } from '../components/value-flags';
import type { useReportDraft } from '../hooks/use-report-draft';

type Draft = ReturnType<typeof useReportDraft>;

/** A stable name for a group in tests and links: "I-2" for chỉ tiêu 2, "II-1.1" for a task group. */
function groupId(group: { key: string; full: string }): string {
  const [section = ''] = group.key.split('|');
  const code = /^([\d.]+?)\.?\s/.exec(group.full)?.[1];
  return code ? `${section}-${code}` : group.key;
}

type Props = {
  grouped: ReturnType<typeof sections>;
  /** The groups open: they start closed, so the page is a list of headings with counters. */
  open: string[];
  onOpen: (keys: string[]) => void;
  /** Whether an item is shown ("only items not yet entered"). */
  shown: (item: FormItem) => boolean;
  draft: Draft;
  editable: boolean;
  /** The server's refusal of a value, by item. */
  errors: Record<string, string>;
  submission: { id?: number; version?: number } | undefined;
  flagged: Map<string | undefined, FlaggedValue>;
  flags: SubmissionFlags | undefined;
};

/** The report's items by section and group, each group with how many of its items are filled. */
export function ReportGroups(props: Props) {
  const { grouped, open, shown, draft, editable, errors, submission, flagged, flags } = props;
  const { t } = useTranslation();
  return grouped.map((section) => (
    <Flex key={section.key} vertical gap={8}>
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {section.key}. {section.title}
      </Typography.Title>
      <Collapse
        activeKey={open}
        onChange={(keys) => props.onOpen(Array.isArray(keys) ? keys : [keys])}
        items={section.groups
          .filter((g) => g.items.some(shown))
          .map((group) => {
            const done = group.items.filter((i) => isFilled(draft.valueOf(i.key!))).length;
            return {
              key: group.key,
              label: (
                <Flex gap={8} align="baseline" justify="space-between">
                  <span title={group.full} data-testid={`group-${groupId(group)}`}>
                    {group.heading}
                  </span>
                  <Tag
                    color={done === group.items.length ? 'green' : undefined}
                    style={{ marginInlineEnd: 0, flexShrink: 0 }}
                    aria-label={t('reports.groupFilled', { done, total: group.items.length })}
                  >
                    {done}/{group.items.length}
                  </Tag>
                </Flex>
              ),
              children: group.parts.map((part) => (
                <div key={part.title || 'own'}>
                  {part.title ? (
                    <Typography.Title level={4} style={{ fontSize: 14, marginTop: 8 }}>
                      {part.title}
                    </Typography.Title>
                  ) : null}
                  {part.items.filter(shown).map((item) => (
                    <div key={`${item.key}-${submission?.version ?? 'new'}`} id={`row-${item.key}`}>
                      <ItemRow
                        item={item}
                        value={draft.valueOf(item.key!)!}
                        editable={editable}
                        error={errors[item.key!]}
                        historyOf={submission?.id}
                        onChange={draft.edit}
                        onProblem={draft.problem}
                      />
                      {flagged.has(item.key) && flags ? (
                        <ValueFlags
                          value={flagged.get(item.key)!}
                          submission={{ id: flags.submission!, version: flags.version! }}
                          canCheck={false}
                        />
                      ) : null}
                    </div>
                  ))}
                </div>
              )),
            };
          })}
      />
    </Flex>
  ));
}
