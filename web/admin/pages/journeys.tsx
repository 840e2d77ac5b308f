// Journeys: each triggered journey with its live counts (customers waiting at each step, completed,
// exited, converted; refreshed every few seconds) and its settings, and the template editor with a
// preview of every channel format in the brand (email as its MJML-rendered HTML, SMS with segments).
import { type FormEvent, useEffect, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import {
  ErrorNotice,
  Loading,
  SelectField,
  TextAreaField,
  TextField,
  useLoad,
} from '../../ui/components.tsx';
import { useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';

type Rendered = {
  format: string;
  subject: string;
  text: string;
  html: string | null;
  sms: { encoding: string; characters: number; segments: number } | null;
};
interface Journey {
  key: (typeof KEYS)[number];
  enabled: boolean;
  delaySeconds: number;
  channelOrder: string[];
  steps: Array<{ index: number; waiting: number }>;
  active: number;
  completed: number;
  exited: number;
  converted: number;
}
const LOCALES = ['en', 'es', 'sv', 'bg', 'nl'] as const;
const FORMATS = ['email', 'sms', 'whatsapp', 'push', 'banner', 'receipt'] as const;
const KEYS = [
  'abandoned_cart',
  'pickup_ready',
  'back_in_stock',
  'back_in_stock_confirm',
  'post_purchase',
  'win_back',
  'tier_reached',
  'birthday',
] as const;

export function JourneysPage() {
  const intl = useIntl();
  const api = useApi();
  const list = useLoad(() => ok(api.GET('/api/journeys')), []);
  const { reload } = list;
  useEffect(() => {
    const timer = setInterval(reload, 5_000);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <section aria-labelledby="journeys-title" className="stack">
      <h1 id="journeys-title">{intl.t('journeys.title')}</h1>
      <p className="hint">{intl.t('journeys.hint')}</p>
      <ErrorNotice error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data?.items.map((j) => (
        <JourneyCard key={j.key} journey={j} onSaved={reload} />
      ))}
      <TemplateEditor />
    </section>
  );
}

function JourneyCard({ journey, onSaved }: { journey: Journey; onSaved(): void }) {
  const intl = useIntl();
  const api = useApi();
  const j = journey;
  const [enabled, setEnabled] = useState(j.enabled);
  const [delay, setDelay] = useState(String(j.delaySeconds));
  const [order, setOrder] = useState(j.channelOrder.join(', '));
  const { run, notices, error } = useAction();
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await ok(
        api.PUT('/api/journeys/{key}', {
          params: { path: { key: j.key } },
          body: {
            enabled,
            delaySeconds: Number(delay),
            channelOrder: order.split(/[\s,]+/).filter(Boolean) as Array<(typeof FORMATS)[number]>,
          },
        }),
      );
      onSaved();
    }, intl.t('journeys.saved'));
  };
  const titleId = `journey-${j.key}`;
  return (
    <section className="card stack" aria-labelledby={titleId} data-journey={j.key}>
      <h2 id={titleId}>{intl.t(`journeys.name.${j.key}`)}</h2>
      <p data-testid="journey-counts">
        {intl.t('journeys.counts', {
          active: j.active,
          completed: j.completed,
          exited: j.exited,
          converted: j.converted,
        })}
      </p>
      <ul>
        {j.steps.map((s) => (
          <li key={s.index} data-step={s.index}>
            {intl.t('journeys.step', { n: s.index + 1, count: s.waiting })}
          </li>
        ))}
      </ul>
      {notices}
      <ProblemScope error={error}>
        <form className="row" onSubmit={save} aria-label={intl.t(`journeys.name.${j.key}`)}>
          <label>
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{' '}
            {intl.t('journeys.enabled')}
          </label>
          <TextField
            label={intl.t('journeys.delay')}
            value={delay}
            onChange={setDelay}
            type="number"
            field="delaySeconds"
          />
          <TextField
            label={intl.t('journeys.channels')}
            value={order}
            onChange={setOrder}
            field="channelOrder"
          />
          <button type="submit">{intl.t('journeys.save')}</button>
        </form>
      </ProblemScope>
    </section>
  );
}

function TemplateEditor() {
  const intl = useIntl();
  const api = useApi();
  const [key, setKey] = useState<(typeof KEYS)[number]>('abandoned_cart');
  const [locale, setLocale] = useState<(typeof LOCALES)[number]>(intl.lang);
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('email');
  const templates = useLoad(
    () => ok(api.GET('/api/messaging/templates', { params: { query: { key } } })),
    [key],
  );
  const current = templates.data?.items.find(
    (t) => t.locale === locale && t.format === format && t.stage === '*',
  );
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [cta, setCta] = useState('');
  useEffect(() => {
    setSubject(current?.subject ?? '');
    setBody(current?.body ?? '');
    setCta(current?.cta ?? '');
  }, [current?.subject, current?.body, current?.cta]);
  const [previews, setPreviews] = useState<Rendered[]>([]);
  const { run, notices, error } = useAction();
  const content = { format, subject, body, cta: cta || null };
  const preview = () =>
    run(async () => {
      const r = await ok(api.POST('/api/messaging/templates/preview', { body: { key, locale, content } }));
      setPreviews(r.items as Rendered[]);
    });
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await ok(api.PUT('/api/messaging/templates', { body: { key, locale, stage: '*', ...content } }));
      templates.reload();
    }, intl.t('journeys.templateSaved'));
  };
  return (
    <section className="card stack" aria-labelledby="templates-title">
      <h2 id="templates-title">{intl.t('journeys.templates')}</h2>
      <div className="row">
        <SelectField<(typeof KEYS)[number]>
          label={intl.t('journeys.template')}
          value={key}
          onChange={setKey}
          options={KEYS.map((k) => ({ value: k, label: intl.t(`journeys.name.${k}`) }))}
        />
        <SelectField<(typeof LOCALES)[number]>
          label={intl.t('journeys.language')}
          value={locale}
          onChange={setLocale}
          options={LOCALES.map((l) => ({ value: l, label: l }))}
        />
        <SelectField<(typeof FORMATS)[number]>
          label={intl.t('journeys.format')}
          value={format}
          onChange={setFormat}
          options={FORMATS.map((f) => ({ value: f, label: f }))}
        />
      </div>
      {notices}
      <ProblemScope error={error}>
        <form className="stack" onSubmit={save} aria-label={intl.t('journeys.templates')}>
          <TextField
            label={intl.t('journeys.subject')}
            value={subject}
            onChange={setSubject}
            field="subject"
          />
          <TextAreaField
            label={intl.t('journeys.body')}
            value={body}
            onChange={setBody}
            rows={5}
            field="body"
          />
          <TextField label={intl.t('journeys.cta')} value={cta} onChange={setCta} field="cta" />
          <div className="row">
            <button type="button" onClick={() => void preview()}>
              {intl.t('journeys.preview')}
            </button>
            <button type="submit">{intl.t('journeys.saveTemplate')}</button>
          </div>
        </form>
      </ProblemScope>
      {previews.map((p) => (
        <div key={p.format} className="card" data-preview={p.format}>
          <strong>{p.subject}</strong>
          {p.sms ? <p data-testid="sms-segments">{intl.t('journeys.segments', p.sms)}</p> : null}
          {p.format === 'email' && p.html ? (
            <iframe
              title={p.subject}
              sandbox=""
              srcDoc={p.html}
              style={{ width: '100%', height: 360, border: 0 }}
            />
          ) : (
            <pre className="wrap">{p.text}</pre>
          )}
        </div>
      ))}
    </section>
  );
}
