import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from '@/lib/i18n';

/** VI / EN switch. The caller may also persist the choice (for example on the server). */
export function LanguageSwitch({ onChange }: { onChange?: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      aria-label={t('nav.language')}
      size="small"
      value={isLanguage(i18n.language) ? i18n.language : 'vi'}
      options={LANGUAGES.map((lng) => ({ value: lng, label: lng.toUpperCase() }))}
      onChange={(lng) => {
        void i18n.changeLanguage(lng);
        onChange?.(lng);
      }}
    />
  );
}
