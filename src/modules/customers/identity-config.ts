// The retailer's identity configuration: which identifier decides where an event lands (priority),
// how many of each person type one profile may hold (limits), which types are devices (a device that
// carries a second person is marked shared), which values are placeholders, and the default phone
// country. Stored in customer_settings over the hub's defaults, read by every node (cached 5 s; a
// change on this node applies at once). The in-force rules object is shared by every use case of
// the module, so a change is copied into it field by field: a batch being resolved while it changes
// may see old and new fields, never a half-written list.
import { type CountryCode, isSupportedCountry } from 'libphonenumber-js';
import { type FieldIssue, validationError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { CORE_IDENTIFIER_TYPES, IDENTIFIER_TYPE_SHAPE, type IdentityRules } from './identifiers.js';
import { selectIdentityConfig, upsertIdentityConfig } from './identity-config.repository.js';

/** The configurable part of the identity rules. */
export type IdentityConfig = Pick<
  IdentityRules,
  | 'priority'
  | 'maxPerType'
  | 'deviceTypes'
  | 'blockedValues'
  | 'blockedEmailLocalParts'
  | 'blockedEmailDomains'
> & { defaultPhoneCountry: string | null };

export interface IdentityConfigView {
  config: IdentityConfig;
  defaults: IdentityConfig;
  /** When the retailer last changed it, and who (null: the defaults are in force). */
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** The person types the safe-by-default guards rely on: their limits can be raised, not removed. */
const PERSON_TYPES = ['user_id', 'email', 'phone', 'loyalty_card'] as const;
const REFRESH_MS = 5_000;

const configOf = (r: IdentityRules): IdentityConfig => ({
  priority: [...r.priority],
  maxPerType: { ...r.maxPerType },
  deviceTypes: [...r.deviceTypes],
  blockedValues: [...r.blockedValues],
  blockedEmailLocalParts: [...r.blockedEmailLocalParts],
  blockedEmailDomains: [...r.blockedEmailDomains],
  defaultPhoneCountry: r.defaultPhoneCountry ?? null,
});

const isType = (t: string) => IDENTIFIER_TYPE_SHAPE.test(t);

/** The rules a configuration must keep, as field issues (empty: valid). */
export function identityConfigIssues(c: IdentityConfig): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  c.priority.forEach((t, i) => {
    if (t !== 'external' && !isType(t))
      issues.push({ path: `priority.${i}`, message: 'an identifier type or "external"' });
    if (seen.has(t)) issues.push({ path: `priority.${i}`, message: `${t} is listed twice` });
    seen.add(t);
  });
  for (const t of PERSON_TYPES) {
    if (c.maxPerType[t] === undefined)
      issues.push({
        path: `maxPerType.${t}`,
        message: 'a person type keeps a limit (raise it, do not remove it)',
      });
  }
  for (const [t, max] of Object.entries(c.maxPerType)) {
    if (!isType(t)) issues.push({ path: `maxPerType.${t}`, message: 'not an identifier type' });
    if (c.deviceTypes.includes(t))
      issues.push({ path: `maxPerType.${t}`, message: 'a device type has no per-person limit' });
    if (!Number.isInteger(max) || max < 1 || max > 100)
      issues.push({ path: `maxPerType.${t}`, message: 'a whole number from 1 to 100' });
  }
  if (!c.deviceTypes.includes('anonymous_id'))
    issues.push({ path: 'deviceTypes', message: 'anonymous_id is always a device' });
  c.deviceTypes.forEach((t, i) => {
    if (!isType(t)) issues.push({ path: `deviceTypes.${i}`, message: 'not an identifier type' });
    else if ((CORE_IDENTIFIER_TYPES as readonly string[]).includes(t) && t !== 'anonymous_id')
      issues.push({ path: `deviceTypes.${i}`, message: `${t} names a person, not a device` });
  });
  if (c.defaultPhoneCountry !== null && !isSupportedCountry(c.defaultPhoneCountry))
    issues.push({ path: 'defaultPhoneCountry', message: 'an ISO 3166 country code with phone numbering' });
  return issues;
}

const lower = (xs: string[]) => [...new Set(xs.map((x) => x.trim().toLowerCase()))];

export function createIdentityConfig(base: IdentityRules, live: IdentityRules) {
  let loadedAt = Number.NEGATIVE_INFINITY;
  let meta: { updatedAt: Date | null; updatedBy: string | null } = { updatedAt: null, updatedBy: null };

  function apply(c: IdentityConfig | null): void {
    const next = c ?? configOf(base);
    Object.assign(live, {
      ...next,
      defaultPhoneCountry: (next.defaultPhoneCountry ?? undefined) as CountryCode | undefined,
    } satisfies Partial<IdentityRules>);
  }

  async function load(ctx: Ctx): Promise<void> {
    const row = await selectIdentityConfig(ctx.db);
    const stored = row ? (JSON.parse(row.value) as IdentityConfig & { updatedBy?: string }) : null;
    apply(stored);
    meta = { updatedAt: row?.at ?? null, updatedBy: stored?.updatedBy ?? null };
    loadedAt = Date.now();
  }

  return {
    /** Reloads the stored configuration when this node's copy is older than 5 s (one key read). */
    async fresh(ctx: Ctx): Promise<void> {
      if (Date.now() - loadedAt >= REFRESH_MS) await load(ctx);
    },

    async identityConfig(ctx: Ctx): Promise<IdentityConfigView> {
      await load(ctx);
      return { config: configOf(live), defaults: configOf(base), ...meta };
    },

    /** Replaces the configuration (validated; placeholder lists trimmed and lower-cased). */
    async setIdentityConfig(ctx: Ctx, input: IdentityConfig): Promise<IdentityConfigView> {
      const config: IdentityConfig = {
        ...input,
        blockedValues: lower(input.blockedValues),
        blockedEmailLocalParts: lower(input.blockedEmailLocalParts),
        blockedEmailDomains: lower(input.blockedEmailDomains),
        defaultPhoneCountry: input.defaultPhoneCountry?.toUpperCase() ?? null,
      };
      const issues = identityConfigIssues(config);
      if (issues.length) throw validationError(issues);
      const at = ctx.clock.now();
      await upsertIdentityConfig(ctx.db, JSON.stringify({ ...config, updatedBy: ctx.actor.id }), at);
      ctx.afterCommit(() => {
        apply(config);
        meta = { updatedAt: at, updatedBy: ctx.actor.id };
        loadedAt = Date.now();
      });
      return { config, defaults: configOf(base), updatedAt: at, updatedBy: ctx.actor.id };
    },
  };
}
