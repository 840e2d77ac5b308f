// Renders a template in every channel format with the one brand: email HTML through MJML (tables and
// inline styles real mail clients show) with a text part, SMS with its GSM-7 / UCS-2 segment count,
// WhatsApp as an approved template's parameters, web push, a storefront banner and a receipt line.
import { validationError } from '../../kernel/index.js';
import type { Brand, MessageFormat, Rendered, TemplateContent } from './messaging.types.js';
import { mjmlCompiler } from './mjml-compiler.js';

const VARIABLE = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g;

/** The variables a text names, in order of first use. */
export function variablesOf(...texts: Array<string | null>): string[] {
  const seen = new Set<string>();
  for (const t of texts) for (const m of (t ?? '').matchAll(VARIABLE)) seen.add(m[1]!);
  return [...seen];
}

/**
 * Refuses content naming a variable its key does not have, or (with values) one without a value: a
 * 400 naming the field and the variable. Previews and saves call it, so the send never meets one.
 */
export function checkVariables(
  content: TemplateContent,
  allowed: readonly string[],
  values?: Record<string, string>,
) {
  const issues: Array<{ path: string; message: string }> = [];
  for (const field of ['subject', 'body', 'cta'] as const)
    for (const v of variablesOf(content[field] ?? '')) {
      if (!allowed.includes(v))
        issues.push({
          path: field,
          message: `{{${v}}} is not a variable of this template (${allowed.join(', ')})`,
        });
      else if (values && (values[v] === undefined || values[v] === ''))
        issues.push({ path: field, message: `{{${v}}} has no value` });
    }
  if (issues.length) throw validationError(issues);
}

/** Fills the variables (a missing one becomes empty: the preview, not the send, refuses it). */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(VARIABLE, (_, name: string) => values[name] ?? '');
}

// GSM 03.38: the basic set (one septet) and the extension table (escape + one septet).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

/** How an SMS text is encoded and how many segments it costs (160/153 GSM-7, 70/67 UCS-2). */
export function smsSegments(text: string): NonNullable<Rendered['sms']> {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) septets += 1;
    else if (GSM_EXTENDED.includes(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm)
    return {
      encoding: 'GSM-7',
      characters: septets,
      segments: septets <= 160 ? 1 : Math.ceil(septets / 153),
    };
  const units = text.length; // UTF-16 code units
  return { encoding: 'UCS-2', characters: units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The MJML source of an email (exported for the cache's equivalence test). */
export function emailMjml(
  brand: Brand,
  subject: string,
  body: string,
  cta: string | null,
  link: string | undefined,
) {
  const paragraphs = body
    .split(/\n{2,}/)
    .map((p) => `<mj-text>${escapeHtml(p).replace(/\n/g, '<br/>')}</mj-text>`)
    .join('');
  const logo = brand.logoUrl
    ? `<mj-image src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.name)}" width="140px" align="left"/>`
    : `<mj-text font-size="20px" font-weight="bold" color="${brand.primaryColour}">${escapeHtml(brand.name)}</mj-text>`;
  const button =
    cta && link
      ? `<mj-button background-color="${brand.primaryColour}" href="${escapeHtml(link)}" align="left">${escapeHtml(cta)}</mj-button>`
      : '';
  return `<mjml><mj-head><mj-title>${escapeHtml(subject)}</mj-title><mj-attributes>
<mj-all font-family="Helvetica, Arial, sans-serif"/><mj-text color="${brand.textColour}" font-size="15px" line-height="22px"/>
</mj-attributes></mj-head><mj-body background-color="${brand.backgroundColour}"><mj-section><mj-column>
${logo}${paragraphs}${button}<mj-divider border-color="${brand.primaryColour}" border-width="1px"/>
<mj-text font-size="13px">${escapeHtml(brand.signature)}</mj-text></mj-column></mj-section></mj-body></mjml>`;
}

/**
 * Compiled email HTML by its MJML source with the variables left as {{name}}: the source names the
 * brand, the variant's text and whether the mail has a link, so a saved variant or brand is a new
 * entry and nothing needs invalidating. Bounded: the oldest entry goes first.
 */
const compiled = new Map<string, Promise<string>>();
const COMPILED_MAX = 500;

/** A variable's value in HTML: escaped as the text around it was before compiling. */
const PLACEHOLDER = /\{\{([a-zA-Z][a-zA-Z0-9_]*)\}\}/g;

/**
 * The email's HTML: MJML compiles each variant once (~5 ms of CPU, in a worker thread) with
 * placeholders, and every mail then only substitutes its escaped values (one pass: a value that
 * reads {{x}} is not filled again; a line break inside a value is no longer a <br/>, values are one
 * line).
 */
async function emailHtml(brand: Brand, content: TemplateContent, values: Record<string, string>) {
  // The template's own spelling of a variable ({{ shop }}) is normalised, so it survives MJML as {{shop}}.
  const norm = (t: string) => t.replace(VARIABLE, (_, n: string) => `{{${n}}}`);
  const source = emailMjml(
    brand,
    norm(content.subject),
    norm(content.body),
    content.cta ? norm(content.cta) : null,
    values.link ? '{{link}}' : undefined,
  );
  let html = compiled.get(source);
  if (!html) {
    // In the worker thread (mjml-compiler.ts): the hub's event loop never waits on MJML.
    html = mjmlCompiler.compile(source).then((c) => c.html);
    compiled.set(source, html);
    html.catch(() => compiled.delete(source));
    if (compiled.size > COMPILED_MAX) compiled.delete(compiled.keys().next().value!);
  }
  // Only the variant's own variables: a brand name that happens to read {{x}} stays as written.
  const own = new Set([...variablesOf(content.subject, content.body, content.cta), 'link']);
  return (await html).replace(PLACEHOLDER, (whole, n: string) =>
    own.has(n) ? escapeHtml(values[n] ?? '') : whole,
  );
}

/** One template in one format with the brand applied; `values` fill its variables. */
export async function renderMessage(
  format: MessageFormat,
  content: TemplateContent,
  brand: Brand,
  values: Record<string, string>,
  whatsapp: { name: string; language: string },
): Promise<Rendered> {
  const subject = fill(content.subject, values);
  const body = fill(content.body, values);
  const cta = content.cta ? fill(content.cta, values) : null;
  const base = { format, subject, html: null, sms: null, whatsapp: null };
  switch (format) {
    case 'email': {
      const html = await emailHtml(brand, content, values);
      const text = [body, cta && values.link ? `${cta}: ${values.link}` : '', '--', brand.signature]
        .filter(Boolean)
        .join('\n\n');
      return { ...base, text, html };
    }
    case 'sms': {
      const text = `${body}`;
      return { ...base, text, sms: smsSegments(text) };
    }
    case 'whatsapp':
      return {
        ...base,
        text: body,
        whatsapp: { ...whatsapp, parameters: variablesOf(content.body).map((v) => values[v] ?? '') },
      };
    case 'push':
      return { ...base, subject: subject || brand.name, text: body.slice(0, 240) };
    case 'banner':
      return { ...base, text: body, html: bannerHtml(brand, body, cta, values.link) };
    case 'receipt':
      return { ...base, text: body.replace(/\s+/g, ' ').slice(0, 48) };
  }
}

function bannerHtml(brand: Brand, body: string, cta: string | null, link: string | undefined): string {
  const a =
    cta && link
      ? ` <a href="${escapeHtml(link)}" style="color:${brand.backgroundColour}">${escapeHtml(cta)}</a>`
      : '';
  return `<div style="background:${brand.primaryColour};color:${brand.backgroundColour};padding:8px 16px">${escapeHtml(body)}${a}</div>`;
}
