// Ingestion, step one: each event's identifiers are normalized and checked (claimed email/phone
// traits count as identifiers too). A bad field is dropped with a warning and the rest of the event
// lands; an event left with no usable identifier is rejected alone, with the reasons, before any
// database work. A timestamp too far in the future is clamped to the receipt time and flagged.
import type { Deferred, FieldIssue } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { IngestEventInput, IngestEventResult, IngestSource } from './customers.types.js';
import {
  countryOfLocale,
  type Identifier,
  type IdentityRules,
  identifierKey,
  normalizeIdentifier,
} from './identifiers.js';
import type { ResolvableEvent } from './identity-resolution.js';
import type { TombstoneHasher } from './tombstones.js';

export interface PreparedEvent extends ResolvableEvent {
  input: IngestEventInput;
  resultIndex: number;
  tombstones: string[];
  /** Fields dropped or corrected (stored with the event and returned in its result). */
  warnings: FieldIssue[];
  /** Trait key → identifierKey of the identifier it carries (email, phone): the trait goes with it. */
  traitIdentifiers: Map<string, string>;
}

export interface PrepareOptions {
  receivedAt: Date;
  maxFutureSkewMs: number;
  /** The install's tombstone hashes (erased and suppressed identifiers drop the event). */
  tombstones: TombstoneHasher;
}

/** One ingest request waiting for (or in) a batch; resolved with its results after the commit. */
export interface IngestJob {
  ctx: Ctx;
  source: IngestSource;
  events: PreparedEvent[];
  results: IngestEventResult[];
  /** Root → the profile ids of its cluster as the write left it, for the roots its events landed on. */
  clusters: Map<string, string[]>;
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
  opts: PrepareOptions,
) {
  const results: IngestEventResult[] = [];
  const prepared: PreparedEvent[] = [];
  events.forEach((original, index) => {
    const warnings: FieldIssue[] = [...(original.warnings ?? [])];
    const input = clampFuture(original, opts, warnings);
    const issues: FieldIssue[] = [];
    const identifiers: Identifier[] = [];
    const phoneCountry = countryOfLocale((input.context as { locale?: unknown }).locale);
    const all = [...input.identifiers];
    const traitIdentifiers = new Map<string, string>();
    for (const [trait, type] of TRAIT_IDENTIFIERS) {
      const v = input.traits[trait];
      if (typeof v === 'string' || typeof v === 'number')
        all.push({ type, value: String(v), trust: 'claimed' });
    }
    all.forEach((raw, j) => {
      const path = j < input.identifiers.length ? `identifiers.${j}` : `traits.${raw.type}`;
      const n = normalizeIdentifier(rules, raw, path, phoneCountry);
      if (n.ok) {
        if (j >= input.identifiers.length)
          traitIdentifiers.set(raw.type, identifierKey(n.identifier.type, n.identifier.value));
        if (!identifiers.some((x) => x.type === n.identifier.type && x.value === n.identifier.value))
          identifiers.push(n.identifier);
      } else if (!n.blocked) issues.push(n.issue);
    });
    if (identifiers.length === 0) {
      const none = {
        path: 'userId',
        message: 'no usable identifier (userId/anonymousId are missing or placeholders)',
      };
      results.push({ index, messageId: input.messageId, status: 'rejected', errors: [...issues, none] });
      return;
    }
    if (issues.length) {
      // The bad fields are dropped (a trait with them) and the rest of the event lands.
      const traits = { ...input.traits };
      for (const x of issues) {
        if (x.path.startsWith('traits.')) delete traits[x.path.slice('traits.'.length)];
        warnings.push({ path: x.path, message: `${x.message}; dropped` });
      }
      input.traits = traits;
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
      warnings,
      traitIdentifiers,
      tombstones: [
        ...identifiers.flatMap((x) => opts.tombstones.candidates(x.type, x.value)),
        ...(input.previousId
          ? [
              ...opts.tombstones.candidates('user_id', input.previousId),
              ...opts.tombstones.candidates('anonymous_id', input.previousId),
            ]
          : []),
      ],
    });
  });
  return { results, prepared };
}

/** A copy of the event whose time is at most maxFutureSkewMs after its receipt (else the receipt time). */
function clampFuture(
  input: IngestEventInput,
  opts: PrepareOptions,
  warnings: FieldIssue[],
): IngestEventInput {
  const received = opts.receivedAt.getTime();
  if (input.occurredAt.getTime() - received <= opts.maxFutureSkewMs) return { ...input };
  warnings.push({
    path: 'timestamp',
    message: `${input.occurredAt.toISOString()} is in the future; clamped to the receipt time`,
  });
  return { ...input, occurredAt: new Date(received) };
}
