// The unsubscribe page's words in the hub's five languages, chosen by the browser's Accept-Language
// (the page has no session; the mail was in the customer's language, and so is their browser).
export const UNSUBSCRIBE_LANGUAGES = ['en', 'es', 'sv', 'bg', 'nl'] as const;
export type UnsubscribeLanguage = (typeof UNSUBSCRIBE_LANGUAGES)[number];

interface UnsubscribeTexts {
  title: string;
  question: string;
  button: string;
  doneTitle: string;
  done: string;
}

export const UNSUBSCRIBE_TEXTS: Record<UnsubscribeLanguage, UnsubscribeTexts> = {
  en: {
    title: 'Unsubscribe',
    question: 'Stop these messages?',
    button: 'Unsubscribe',
    doneTitle: 'Unsubscribed',
    done: 'You are unsubscribed.',
  },
  es: {
    title: 'Cancelar la suscripción',
    question: '¿Dejar de recibir estos mensajes?',
    button: 'Cancelar la suscripción',
    doneTitle: 'Suscripción cancelada',
    done: 'Ya no recibirás estos mensajes.',
  },
  sv: {
    title: 'Avsluta prenumerationen',
    question: 'Sluta få de här meddelandena?',
    button: 'Avsluta prenumerationen',
    doneTitle: 'Prenumerationen är avslutad',
    done: 'Du får inte längre de här meddelandena.',
  },
  bg: {
    title: 'Отписване',
    question: 'Да спрем ли тези съобщения?',
    button: 'Отпиши ме',
    doneTitle: 'Отписахте се',
    done: 'Вече няма да получавате тези съобщения.',
  },
  nl: {
    title: 'Afmelden',
    question: 'Wilt u deze berichten niet meer ontvangen?',
    button: 'Afmelden',
    doneTitle: 'Afgemeld',
    done: 'U bent afgemeld.',
  },
};

/** The first of the browser's languages (by q-value, then order) that the page speaks; else English. */
export function unsubscribeLanguage(acceptLanguage: string | undefined): UnsubscribeLanguage {
  const ranked = (acceptLanguage ?? '')
    .slice(0, 500)
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  const known = new Set<string>(UNSUBSCRIBE_LANGUAGES);
  return (ranked.find((l) => known.has(l.primary))?.primary as UnsubscribeLanguage | undefined) ?? 'en';
}
