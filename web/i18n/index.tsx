// UI strings as ICU messages (plurals, selects, numbers) in five languages, and money and dates
// through Intl in the locale of the channel being shown. English is the reference catalog: the type
// checker refuses a language that misses a key.
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { currencyExponent } from '../ui/money.ts';
import { type AdminOpsKey, adminOpsBg, adminOpsEn, adminOpsEs, adminOpsNl, adminOpsSv } from './admin-ops.ts';
import { bg } from './bg.ts';
import { type CdpKey, cdpBg, cdpEn, cdpEs, cdpNl, cdpSv } from './cdp.ts';
import {
  type ChannelAuditKey,
  channelAuditBg,
  channelAuditEn,
  channelAuditEs,
  channelAuditNl,
  channelAuditSv,
} from './channel-audit.ts';
import { type MessageKey as CoreKey, en } from './en.ts';
import { es } from './es.ts';
import { type FeedsKey, feedsBg, feedsEn, feedsEs, feedsNl, feedsSv } from './feeds.ts';
import { type InboxKey, inboxBg, inboxEn, inboxEs, inboxNl, inboxSv } from './inbox.ts';
import {
  type InboxSettingsKey,
  inboxSettingsBg,
  inboxSettingsEn,
  inboxSettingsEs,
  inboxSettingsNl,
  inboxSettingsSv,
} from './inbox-settings.ts';
import { type InsightsKey, insightsBg, insightsEn, insightsEs, insightsNl, insightsSv } from './insights.ts';
import {
  type IntegrationFormsKey,
  integrationFormsBg,
  integrationFormsEn,
  integrationFormsEs,
  integrationFormsNl,
  integrationFormsSv,
} from './integration-forms.ts';
import { type JourneysKey, journeysBg, journeysEn, journeysEs, journeysNl, journeysSv } from './journeys.ts';
import {
  type LoyaltyAdminKey,
  loyaltyAdminBg,
  loyaltyAdminEn,
  loyaltyAdminEs,
  loyaltyAdminNl,
  loyaltyAdminSv,
} from './loyalty-admin.ts';
import { nl } from './nl.ts';
import { type NotifyMeKey, notifyMeBg, notifyMeEn, notifyMeEs, notifyMeNl, notifyMeSv } from './notify-me.ts';
import {
  type PromotionsKey,
  promotionsBg,
  promotionsEn,
  promotionsEs,
  promotionsNl,
  promotionsSv,
} from './promotions.ts';
import {
  type PromotionsAdminKey,
  promotionsAdminBg,
  promotionsAdminEn,
  promotionsAdminEs,
  promotionsAdminNl,
  promotionsAdminSv,
} from './promotions-admin.ts';
import { type RecsKey, recsBg, recsEn, recsEs, recsNl, recsSv } from './recommendations.ts';
import { type ReviewsKey, reviewsBg, reviewsEn, reviewsEs, reviewsNl, reviewsSv } from './reviews.ts';
import { type ScoreKey, scoreBg, scoreEn, scoreEs, scoreNl, scoreSv } from './score.ts';
import { type SendLogKey, sendLogBg, sendLogEn, sendLogEs, sendLogNl, sendLogSv } from './send-log.ts';
import { type StaffKey, staffBg, staffEn, staffEs, staffNl, staffSv } from './staff.ts';
import {
  type StaffSelfKey,
  staffSelfBg,
  staffSelfEn,
  staffSelfEs,
  staffSelfNl,
  staffSelfSv,
} from './staff-self.ts';
import { type StoreKey, storeBg, storeEn, storeEs, storeNl, storeSv } from './store.ts';
import {
  type StoreDetailsKey,
  storeDetailsBg,
  storeDetailsEn,
  storeDetailsEs,
  storeDetailsNl,
  storeDetailsSv,
} from './store-details.ts';
import {
  type StorePushKey,
  storePushBg,
  storePushEn,
  storePushEs,
  storePushNl,
  storePushSv,
} from './store-push.ts';
import { sv } from './sv.ts';
import {
  type TillInboxKey,
  tillInboxBg,
  tillInboxEn,
  tillInboxEs,
  tillInboxNl,
  tillInboxSv,
} from './till-inbox.ts';
import { type TillScanKey, tillScanBg, tillScanEn, tillScanEs, tillScanNl, tillScanSv } from './till-scan.ts';

export type MessageKey =
  | CoreKey
  | AdminOpsKey
  | TillScanKey
  | TillInboxKey
  | StaffKey
  | StoreKey
  | InboxKey
  | InboxSettingsKey
  | PromotionsKey
  | PromotionsAdminKey
  | LoyaltyAdminKey
  | CdpKey
  | IntegrationFormsKey
  | StaffSelfKey
  | FeedsKey
  | ChannelAuditKey
  | InsightsKey
  | RecsKey
  | ReviewsKey
  | JourneysKey
  | SendLogKey
  | StorePushKey
  | StoreDetailsKey
  | NotifyMeKey
  | ScoreKey;
export const LANGUAGES = ['en', 'es', 'sv', 'bg', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  sv: 'Svenska',
  bg: 'Български',
  nl: 'Nederlands',
};

const CATALOGS: Record<Language, Record<MessageKey, string>> = {
  en: {
    ...en,
    ...adminOpsEn,
    ...tillScanEn,
    ...tillInboxEn,
    ...staffEn,
    ...storeEn,
    ...inboxEn,
    ...inboxSettingsEn,
    ...promotionsEn,
    ...promotionsAdminEn,
    ...loyaltyAdminEn,
    ...cdpEn,
    ...integrationFormsEn,
    ...staffSelfEn,
    ...feedsEn,
    ...channelAuditEn,
    ...insightsEn,
    ...recsEn,
    ...reviewsEn,
    ...journeysEn,
    ...sendLogEn,
    ...storePushEn,
    ...storeDetailsEn,
    ...notifyMeEn,
    ...scoreEn,
  },
  es: {
    ...es,
    ...adminOpsEs,
    ...tillScanEs,
    ...tillInboxEs,
    ...staffEs,
    ...storeEs,
    ...inboxEs,
    ...inboxSettingsEs,
    ...promotionsEs,
    ...promotionsAdminEs,
    ...loyaltyAdminEs,
    ...cdpEs,
    ...integrationFormsEs,
    ...staffSelfEs,
    ...feedsEs,
    ...channelAuditEs,
    ...insightsEs,
    ...recsEs,
    ...reviewsEs,
    ...journeysEs,
    ...sendLogEs,
    ...storePushEs,
    ...storeDetailsEs,
    ...notifyMeEs,
    ...scoreEs,
  },
  sv: {
    ...sv,
    ...adminOpsSv,
    ...tillScanSv,
    ...tillInboxSv,
    ...staffSv,
    ...storeSv,
    ...inboxSv,
    ...inboxSettingsSv,
    ...promotionsSv,
    ...promotionsAdminSv,
    ...loyaltyAdminSv,
    ...cdpSv,
    ...integrationFormsSv,
    ...staffSelfSv,
    ...feedsSv,
    ...channelAuditSv,
    ...insightsSv,
    ...recsSv,
    ...reviewsSv,
    ...journeysSv,
    ...sendLogSv,
    ...storePushSv,
    ...storeDetailsSv,
    ...notifyMeSv,
    ...scoreSv,
  },
  bg: {
    ...bg,
    ...adminOpsBg,
    ...tillScanBg,
    ...tillInboxBg,
    ...staffBg,
    ...storeBg,
    ...inboxBg,
    ...inboxSettingsBg,
    ...promotionsBg,
    ...promotionsAdminBg,
    ...loyaltyAdminBg,
    ...cdpBg,
    ...integrationFormsBg,
    ...staffSelfBg,
    ...feedsBg,
    ...channelAuditBg,
    ...insightsBg,
    ...recsBg,
    ...reviewsBg,
    ...journeysBg,
    ...sendLogBg,
    ...storePushBg,
    ...storeDetailsBg,
    ...notifyMeBg,
    ...scoreBg,
  },
  nl: {
    ...nl,
    ...adminOpsNl,
    ...tillScanNl,
    ...tillInboxNl,
    ...staffNl,
    ...storeNl,
    ...inboxNl,
    ...inboxSettingsNl,
    ...promotionsNl,
    ...promotionsAdminNl,
    ...loyaltyAdminNl,
    ...cdpNl,
    ...integrationFormsNl,
    ...staffSelfNl,
    ...feedsNl,
    ...channelAuditNl,
    ...insightsNl,
    ...recsNl,
    ...reviewsNl,
    ...journeysNl,
    ...sendLogNl,
    ...storePushNl,
    ...storeDetailsNl,
    ...notifyMeNl,
    ...scoreNl,
  },
};

export function toLanguage(locale: string | undefined | null): Language | undefined {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l === base);
}

/** The first candidate locale we have messages for; English otherwise. */
export function pickLanguage(candidates: ReadonlyArray<string | undefined | null>): Language {
  for (const c of candidates) {
    const l = toLanguage(c);
    if (l) return l;
  }
  return 'en';
}

export type Values = Record<string, PrimitiveType>;

export interface UiIntl {
  lang: Language;
  /** The BCP 47 locale used for numbers, money and dates (e.g. nl-NL for a Dutch channel). */
  locale: string;
  t(key: MessageKey, values?: Values): string;
  money(minor: number | null | undefined, currency: string): string;
  date(value: string | Date | null | undefined, style?: 'date' | 'datetime' | 'time'): string;
  number(value: number): string;
  setLang(lang: Language): void;
}

const formatters = new Map<string, IntlMessageFormat>();

/** Whether a text is a message key (e.g. an option name the catalogs translate). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGS.en, key);
}

export function translate(lang: Language, key: MessageKey, values?: Values): string {
  const id = `${lang}\u0000${key}`;
  let f = formatters.get(id);
  if (!f) {
    f = new IntlMessageFormat(CATALOGS[lang][key] ?? CATALOGS.en[key], lang);
    formatters.set(id, f);
  }
  return String(f.format(values));
}

/** Money in minor units (the hub's only money form) shown in the locale's way. */
export function formatMoney(locale: string, minor: number, currency: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    minor / 10 ** currencyExponent(currency),
  );
}

export function createIntl(
  lang: Language,
  region: string | undefined,
  setLang: (l: Language) => void,
): UiIntl {
  const locale = region ? `${lang}-${region}` : lang;
  return {
    lang,
    locale,
    t: (key, values) => translate(lang, key, values),
    money: (minor, currency) => (minor == null ? '–' : formatMoney(locale, minor, currency)),
    date(value, style = 'datetime') {
      if (!value) return '–';
      const d = typeof value === 'string' ? new Date(value) : value;
      const opts: Intl.DateTimeFormatOptions =
        style === 'date'
          ? { dateStyle: 'medium' }
          : style === 'time'
            ? { timeStyle: 'medium' }
            : { dateStyle: 'medium', timeStyle: 'short' };
      return new Intl.DateTimeFormat(locale, opts).format(d);
    },
    number: (value) => new Intl.NumberFormat(locale).format(value),
    setLang,
  };
}

const IntlContext = createContext<UiIntl | null>(null);

const REGIONS: Record<Language, string> = { en: 'IE', es: 'ES', sv: 'SE', bg: 'BG', nl: 'NL' };

export function IntlProvider({
  initial,
  storageKey,
  children,
}: {
  initial: Language;
  storageKey: string;
  children: ReactNode;
}) {
  const [lang, setLangState] = useState<Language>(
    () => toLanguage(localStorage.getItem(`omnihub.lang.${storageKey}`)) ?? initial,
  );
  const value = useMemo(() => {
    document.documentElement.lang = lang;
    return createIntl(lang, REGIONS[lang], (l) => {
      localStorage.setItem(`omnihub.lang.${storageKey}`, l);
      setLangState(l);
    });
  }, [lang, storageKey]);
  return <IntlContext.Provider value={value}>{children}</IntlContext.Provider>;
}

export function useIntl(): UiIntl {
  const v = useContext(IntlContext);
  if (!v) throw new Error('useIntl outside <IntlProvider>');
  return v;
}
