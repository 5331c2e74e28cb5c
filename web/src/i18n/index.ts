import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import id from './id.json';

export const DEFAULT_LANGUAGE = 'id';

/**
 * Initialises the shared i18next instance synchronously (resources are bundled), so
 * `i18n.t` is usable outside React as soon as this module has been imported
 * (e.g. by the API client when translating error codes).
 */
void i18n.use(initReactI18next).init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [DEFAULT_LANGUAGE],
  resources: { [DEFAULT_LANGUAGE]: { translation: id } },
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
