import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `document.title` to "<title> · SIMAK — BKD" (or just the app name). */
export function usePageTitle(title?: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? t('app.pageTitle', { title }) : t('app.name');
  }, [title, t]);
}
