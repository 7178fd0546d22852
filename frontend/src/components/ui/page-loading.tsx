import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '40vh' }} role="status">
      <Spin size="large" />
      <span style={{ marginLeft: 12 }}>{t('app.loading')}</span>
    </Flex>
  );
}
