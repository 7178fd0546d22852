import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from '@/lib/i18n';

/**
 * VI / EN switch: two radio buttons drawn as one control (no antd: it sits in the header and on
 * the login page, both drawn before antd arrives). The caller may also persist the choice (for
 * example on the server).
 */
export function LanguageSwitch({ onChange }: { onChange?: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  const name = useId();
  const current = isLanguage(i18n.language) ? i18n.language : 'vi';
  return (
    <div role="radiogroup" aria-label={t('nav.language')} className="segmented">
      {LANGUAGES.map((lng) => (
        <label key={lng} className="segmented-item" data-checked={lng === current || undefined}>
          <input
            type="radio"
            name={name}
            value={lng}
            checked={lng === current}
            onChange={() => {
              void i18n.changeLanguage(lng);
              onChange?.(lng);
            }}
          />
          {lng.toUpperCase()}
        </label>
      ))}
    </div>
  );
}
