// The campaign editor's form as text fields, and its conversion to and from the hub's campaign:
// money typed as "12.50" becomes minor units, percentages basis points, lists comma-separated, and
// schedule instants are shown as local date-times in the campaign's own time zone. A value that is
// no number is sent as null, so the hub refuses it and names the field (highlighted in the form).
import { fromMinor, toMinor } from '../form-errors.tsx';

export const BENEFITS = ['percentage', 'fixed', 'free_shipping', 'buy_x_get_y', 'tiered', 'bundle'] as const;
export type BenefitType = (typeof BENEFITS)[number];
export const STACKINGS = ['stackable', 'best_for_customer', 'exclusive'] as const;
export type Stacking = (typeof STACKINGS)[number];

type Benefit =
  | { type: 'percentage'; percentBp: number }
  | { type: 'fixed'; amount: number }
  | { type: 'free_shipping' }
  | { type: 'buy_x_get_y'; buy: number; get: number; percentBp?: number }
  | { type: 'tiered'; tiers: Array<{ minSpend: number; amount: number }> }
  | { type: 'bundle'; items: Array<{ sku: string; quantity: number }>; price: number };

export interface CampaignShape {
  id: string;
  name: string;
  kind: 'automatic' | 'code';
  status: 'active' | 'paused' | 'archived';
  priority: number;
  stacking: Stacking;
  currency: string | null;
  timeZone: string;
  startsAt: string | null;
  endsAt: string | null;
  conditions: {
    channelIds?: string[];
    customerTags?: string[];
    audienceIds?: string[];
    skus?: string[];
    categories?: string[];
    collectionIds?: string[];
    minSpend?: number;
    minQuantity?: number;
  };
  benefit: Benefit;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  used: number;
}

export interface CampaignForm {
  name: string;
  kind: 'automatic' | 'code';
  status: 'active' | 'paused' | 'archived';
  priority: string;
  stacking: Stacking;
  currency: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  channelIds: string[];
  audienceIds: string[];
  tags: string;
  skus: string;
  categories: string;
  collections: string;
  minSpend: string;
  minQuantity: string;
  benefit: BenefitType;
  percent: string;
  amount: string;
  buy: string;
  get: string;
  tiers: string;
  bundleItems: string;
  bundlePrice: string;
  usageLimit: string;
  perCustomerLimit: string;
}

export const EMPTY_FORM: CampaignForm = {
  name: '',
  kind: 'automatic',
  status: 'active',
  priority: '0',
  stacking: 'stackable',
  currency: 'EUR',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  startsAt: '',
  endsAt: '',
  channelIds: [],
  audienceIds: [],
  tags: '',
  skus: '',
  categories: '',
  collections: '',
  minSpend: '',
  minQuantity: '',
  benefit: 'percentage',
  percent: '10',
  amount: '',
  buy: '2',
  get: '1',
  tiers: '',
  bundleItems: '',
  bundlePrice: '',
  usageLimit: '',
  perCustomerLimit: '',
};

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
/** A whole number, or null for text that is none (the hub then names the field). */
const whole = (text: string): number | null => {
  const n = Number(text.trim());
  return Number.isInteger(n) ? n : null;
};
const optionalWhole = (text: string) => (text.trim() === '' ? undefined : whole(text));
const money = (text: string, currency: string): number | null => {
  const n = toMinor(text, /^[A-Z]{3}$/.test(currency) ? currency : 'EUR');
  return Number.isFinite(n) ? n : null;
};

function benefitOf(f: CampaignForm): Record<string, unknown> {
  switch (f.benefit) {
    case 'percentage':
      return { type: 'percentage', percentBp: Math.round(Number(f.percent.replace(',', '.')) * 100) || null };
    case 'fixed':
      return { type: 'fixed', amount: money(f.amount, f.currency) };
    case 'free_shipping':
      return { type: 'free_shipping' };
    case 'buy_x_get_y':
      return { type: 'buy_x_get_y', buy: whole(f.buy), get: whole(f.get) };
    case 'tiered':
      return {
        type: 'tiered',
        tiers: f.tiers
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => {
            const [spend = '', off = ''] = l.split('=');
            return { minSpend: money(spend, f.currency), amount: money(off, f.currency) };
          }),
      };
    case 'bundle':
      return {
        type: 'bundle',
        // One item per line: SKU = quantity (a bare SKU counts once).
        items: f.bundleItems
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => {
            const [sku = '', quantity = '1'] = l.split('=');
            return { sku: sku.trim(), quantity: whole(quantity) };
          }),
        price: money(f.bundlePrice, f.currency),
      };
  }
}

/** The body of a create (POST) or, without `kind`, of an edit (PATCH). */
export function toCampaignBody(f: CampaignForm) {
  const minSpend = f.minSpend.trim() === '' ? undefined : money(f.minSpend, f.currency);
  const conditions = Object.fromEntries(
    Object.entries({
      channelIds: f.channelIds.length ? f.channelIds : undefined,
      audienceIds: f.audienceIds.length ? f.audienceIds : undefined,
      customerTags: list(f.tags).length ? list(f.tags) : undefined,
      skus: list(f.skus).length ? list(f.skus) : undefined,
      categories: list(f.categories).length ? list(f.categories) : undefined,
      collectionIds: list(f.collections).length ? list(f.collections) : undefined,
      minSpend,
      minQuantity: optionalWhole(f.minQuantity),
    }).filter(([, v]) => v !== undefined),
  );
  return {
    name: f.name.trim(),
    kind: f.kind,
    status: f.status,
    priority: whole(f.priority) ?? 0,
    stacking: f.stacking,
    currency: f.currency.trim() ? f.currency.trim().toUpperCase() : null,
    timeZone: f.timeZone.trim(),
    startsAt: f.startsAt || null,
    endsAt: f.endsAt || null,
    conditions,
    benefit: benefitOf(f),
    usageLimit: f.usageLimit.trim() === '' ? null : whole(f.usageLimit),
    perCustomerLimit: f.perCustomerLimit.trim() === '' ? null : whole(f.perCustomerLimit),
  };
}

/** A create body as the hub wants it: absent rather than null where a value is optional. */
export function toCreateBody(f: CampaignForm) {
  const { currency, startsAt, endsAt, ...rest } = toCampaignBody(f);
  return {
    ...rest,
    ...(currency ? { currency } : {}),
    ...(startsAt ? { startsAt } : {}),
    ...(endsAt ? { endsAt } : {}),
  };
}

/** An instant shown as the local date-time (YYYY-MM-DDTHH:mm) of a time zone. */
export function localInZone(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '00';
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}`;
}

export function toForm(c: CampaignShape): CampaignForm {
  const cur = c.currency ?? 'EUR';
  const b = c.benefit;
  const cond = c.conditions;
  return {
    ...EMPTY_FORM,
    name: c.name,
    kind: c.kind,
    status: c.status,
    priority: String(c.priority),
    stacking: c.stacking,
    currency: c.currency ?? '',
    timeZone: c.timeZone,
    startsAt: localInZone(c.startsAt, c.timeZone),
    endsAt: localInZone(c.endsAt, c.timeZone),
    channelIds: cond.channelIds ?? [],
    audienceIds: cond.audienceIds ?? [],
    tags: (cond.customerTags ?? []).join(', '),
    skus: (cond.skus ?? []).join(', '),
    categories: (cond.categories ?? []).join(', '),
    collections: (cond.collectionIds ?? []).join(', '),
    minSpend: cond.minSpend === undefined ? '' : fromMinor(cond.minSpend, cur),
    minQuantity: cond.minQuantity === undefined ? '' : String(cond.minQuantity),
    benefit: b.type,
    percent: b.type === 'percentage' ? String(b.percentBp / 100) : EMPTY_FORM.percent,
    amount: b.type === 'fixed' ? fromMinor(b.amount, cur) : '',
    buy: b.type === 'buy_x_get_y' ? String(b.buy) : EMPTY_FORM.buy,
    get: b.type === 'buy_x_get_y' ? String(b.get) : EMPTY_FORM.get,
    tiers:
      b.type === 'tiered'
        ? b.tiers.map((t) => `${fromMinor(t.minSpend, cur)} = ${fromMinor(t.amount, cur)}`).join('\n')
        : '',
    bundleItems: b.type === 'bundle' ? b.items.map((i) => `${i.sku} = ${i.quantity}`).join('\n') : '',
    bundlePrice: b.type === 'bundle' ? fromMinor(b.price, cur) : '',
    usageLimit: c.usageLimit === null ? '' : String(c.usageLimit),
    perCustomerLimit: c.perCustomerLimit === null ? '' : String(c.perCustomerLimit),
  };
}
