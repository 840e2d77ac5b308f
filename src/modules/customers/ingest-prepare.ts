// Ingestion, step one: each event's identifiers are normalized and checked (claimed email/phone
// traits count as identifiers too); a bad event is rejected alone, with the reasons, before any
// database work, and the good ones are prepared for identity resolution.
import type { Deferred } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { IngestEventInput, IngestEventResult, IngestSource } from './customers.types.js';
import {
  countryOfLocale,
  type Identifier,
  type IdentityRules,
  normalizeIdentifier,
  tombstoneHash,
} from './identifiers.js';
import type { ResolvableEvent } from './identity-resolution.js';

export interface PreparedEvent extends ResolvableEvent {
  input: IngestEventInput;
  resultIndex: number;
  tombstones: string[];
}

/** One ingest request waiting for (or in) a batch; resolved with its results after the commit. */
export interface IngestJob {
  ctx: Ctx;
  source: IngestSource;
  events: PreparedEvent[];
  results: IngestEventResult[];
  done: Deferred<IngestEventResult[]>;
}

/** Trait keys that are also identifiers (claimed: typed into a form). */
const TRAIT_IDENTIFIERS: Array<[string, string]> = [
  ['email', 'email'],
  ['phone', 'phone'],
];

/** Validates and normalizes a request's events; results keep their order (offset = index of the first). */
export function prepareEvents(
  rules: IdentityRules,
  source: IngestSource,
  events: IngestEventInput[],
  offset = 0,
) {
  const results: IngestEventResult[] = [];
  const prepared: PreparedEvent[] = [];
  events.forEach((input, i) => {
    const index = offset + i;
    const issues: Array<{ path: string; message: string }> = [];
    const identifiers: Identifier[] = [];
    const phoneCountry = countryOfLocale((input.context as { locale?: unknown }).locale);
    const all = [...input.identifiers];
    for (const [trait, type] of TRAIT_IDENTIFIERS) {
      const v = input.traits[trait];
      if (typeof v === 'string' || typeof v === 'number')
        all.push({ type, value: String(v), trust: 'claimed' });
    }
    all.forEach((raw, j) => {
      const path = j < input.identifiers.length ? `identifiers.${j}` : `traits.${raw.type}`;
      const n = normalizeIdentifier(rules, raw, path, phoneCountry);
      if (n.ok) {
        if (!identifiers.some((x) => x.type === n.identifier.type && x.value === n.identifier.value))
          identifiers.push(n.identifier);
      } else if (!n.blocked) issues.push(n.issue);
    });
    if (issues.length) {
      results.push({ index, messageId: input.messageId, status: 'rejected', errors: issues });
      return;
    }
    if (identifiers.length === 0) {
      results.push({
        index,
        messageId: input.messageId,
        status: 'rejected',
        errors: [
          {
            path: 'userId',
            message: 'no usable identifier (userId/anonymousId are missing or placeholders)',
          },
        ],
      });
      return;
    }
    results.push({ index, messageId: input.messageId, status: 'ignored', reason: 'pending' });
    prepared.push({
      ref: -1,
      resultIndex: results.length - 1,
      input,
      messageId: input.messageId,
      kind: input.kind,
      name: input.name,
      channelId: source.channelId,
      sourceId: source.id,
      sharedDevices: source.sharedDevices,
      identifiers,
      previousId: input.previousId,
      tombstones: [
        ...identifiers.map((x) => tombstoneHash(x.type, x.value)),
        ...(input.previousId
          ? [tombstoneHash('user_id', input.previousId), tombstoneHash('anonymous_id', input.previousId)]
          : []),
      ],
    });
  });
  return { results, prepared };
}
