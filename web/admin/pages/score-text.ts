// Labels for the names the score's API sends (figures, next steps, rules): translated when the
// catalog has them, otherwise the name itself.
import { type MessageKey, useIntl } from '../../i18n/index.tsx';
import { scoreEn } from '../../i18n/score.ts';

export function useScoreText() {
  const intl = useIntl();
  return (key: string, values?: Record<string, string | number>) =>
    key in scoreEn ? intl.t(key as MessageKey, values) : key.slice(key.lastIndexOf('.') + 1);
}
