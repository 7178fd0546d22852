import { Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '@/lib/i18n';
import { formatTyped, parseNumber, type NumberProblem, type NumberRules } from '@/lib/number';

/** The message for a number that cannot be taken, in the UI's language. */
export function numberProblemText(
  t: (key: string, options?: Record<string, unknown>) => string,
  problem: NumberProblem,
  rules: NumberRules & { percentage?: boolean },
): string {
  if (problem === 'max' && rules.percentage) return t('number.maxPercent', { max: rules.max });
  return t(`number.${problem}`, { max: rules.max });
}

/**
 * A number typed the way the UI's language writes it ("1.500", "2,5" in Vietnamese), shown grouped
 * once typed. What cannot be taken is never changed silently: the field says why, and the last
 * value given to {@link onChange} stays what it was until the text is right again.
 */
export function NumberInput({
  id,
  value,
  onChange,
  onProblem,
  whole,
  max,
  percentage,
  suffix,
  ariaLabel,
  ariaDescribedBy,
  width = 160,
}: {
  id?: string;
  value: number | null | undefined;
  onChange: (value: number | undefined) => void;
  /** The problem of the text as typed, or undefined once it can be taken. */
  onProblem?: (message: string | undefined) => void;
  whole?: boolean;
  max?: number;
  percentage?: boolean;
  suffix?: string;
  ariaLabel?: string;
  ariaDescribedBy?: string;
  width?: number | string;
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const [text, setText] = useState(() => formatTyped(value, locale));
  const [problem, setProblem] = useState<string>();
  // A value set from outside (a fill proposal, a reload) replaces what is shown, unless the text
  // already says the same number.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    const parsed = parseNumber(text, locale, { whole, max });
    if (!parsed.ok || parsed.value !== (value ?? undefined)) {
      setText(formatTyped(value, locale));
      setProblem(undefined);
    }
  }
  const rules = { whole, max, percentage };
  const errorId = id ? `${id}-problem` : undefined;
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', gap: 2, width }}>
      <Input
        id={id}
        aria-label={ariaLabel}
        aria-invalid={problem ? true : undefined}
        aria-describedby={
          [problem ? errorId : undefined, ariaDescribedBy].filter(Boolean).join(' ') || undefined
        }
        inputMode={whole ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={text}
        suffix={suffix}
        status={problem ? 'error' : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const parsed = parseNumber(next, locale, rules);
          if (parsed.ok) {
            setProblem(undefined);
            onProblem?.(undefined);
            setShown(parsed.value);
            onChange(parsed.value);
          } else {
            const message = numberProblemText(t, parsed.problem, rules);
            setProblem(message);
            onProblem?.(message);
          }
        }}
        onBlur={() => {
          const parsed = parseNumber(text, locale, rules);
          if (parsed.ok) setText(formatTyped(parsed.value, locale));
        }}
      />
      {problem ? (
        <span id={errorId} role="alert" style={{ color: '#a8071a', fontSize: 13 }}>
          {problem}
        </span>
      ) : null}
    </span>
  );
}
