// Inbound messages, filed in batches: a webhook delivery of N messages, and the deliveries and chat
// messages arriving while an earlier batch is being written, go together (group commit, as the
// customers ingest queue and the wallet's debit batcher do). A batch is resolved as sets: identity
// for every sender in one ingest batch (customers.identifyMany, which also tells each sender's
// cluster as it wrote it; only customers named by the caller and redeliveries are read with
// customers.subjects), the messages on their conversations in one read and one write
// (inbox.recordInboundBatch), and the conversations it opened on the timelines in one transaction.
// One batch is in flight at a time: what arrives meanwhile waits and goes in the next, larger batch.
// A batch costs ~12 statements whatever its size, so fewer, larger batches cost less CPU per message
// in the hub and in PostgreSQL than several small ones side by side (which also wait on each other's
// identity locks).
import { createHash } from 'node:crypto';
import { AppError, type Deferred, deferred } from '../../kernel/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { InboundOutcome, InboxService, RecordInboundInput } from '../../modules/inbox/index.js';
import type { Ctx } from '../../platform/context.js';
import type { InboundMessageInput } from './inbox-flow.interface.js';

export type InboundCustomers = Pick<CustomersService, 'identifyMany' | 'subjects' | 'recordTimelineEntries'>;

/** Most messages one batch takes from the queue. */
const MAX_BATCH = 200;

/** Text as stored: no NUL, no lone surrogate, at most 100,000 characters. */
export function cleanText(s: string): string {
  return s
    .replaceAll('\u0000', '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .slice(0, 100_000);
}

/** The identify event's id for a message with a provider id (short and stable), else null. */
function identifyMessageId(input: InboundMessageInput): string | null {
  if (!input.externalId) return null;
  const hash = createHash('sha256').update(`${input.channelKind}\n${input.externalId.slice(0, 998)}`);
  return `inbox_${hash.digest('base64url')}`;
}

/** Resolves a batch's senders and files their messages; one outcome per input, in order. */
async function fileBatch(
  deps: { inbox: InboxService; customers: InboundCustomers },
  ctx: Ctx,
  inputs: InboundMessageInput[],
): Promise<InboundOutcome[]> {
  // A provider's message id names the identify event too: a redelivery (or a request retried with
  // the same id) is a duplicate the customers module writes nothing for, and answers with the profile
  // the first delivery reached. A repeat within the batch follows its first occurrence.
  const firstOf = new Map<string, number>();
  const unknown = inputs.flatMap((input, i) => {
    if (input.customerId) return [];
    const key = identifyMessageId(input);
    if (key === null) return [i];
    if (firstOf.has(key)) return [];
    firstOf.set(key, i);
    return [i];
  });
  const found = await deps.customers.identifyMany(
    ctx,
    unknown.map((i) => {
      const input = inputs[i]!;
      const messageId = identifyMessageId(input);
      return {
        ...(messageId ? { messageId } : {}),
        channelId: input.channelId ?? `inbox:${input.channelKind}`,
        identifiers: [input.from, ...(input.from.also ?? [])].map((x) => ({
          type: x.identifierType,
          value: x.value,
          trust: x.trust,
        })),
        ...(input.from.name ? { traits: { name: cleanText(input.from.name).slice(0, 200) } } : {}),
      };
    }),
  );
  const profileOf = inputs.map((input) => input.customerId ?? null);
  // The clusters the identify wrote come with its results; the others (a customer named by the
  // caller, a redelivery) are read.
  const clusters = new Map<string, { rootId: string; profileIds: string[] }>();
  // An address the customers module will not take (a placeholder, a blocked value) still gets its
  // message stored, on a conversation without a profile, for an agent to read.
  unknown.forEach((i, k) => {
    const r = found[k]!;
    profileOf[i] = r.ok ? r.value.customerId : null;
    if (r.ok && r.value.profileIds)
      clusters.set(r.value.customerId, { rootId: r.value.customerId, profileIds: r.value.profileIds });
  });
  inputs.forEach((input, i) => {
    const key = input.customerId ? null : identifyMessageId(input);
    const first = key === null ? undefined : firstOf.get(key);
    if (first !== undefined && first !== i) profileOf[i] = profileOf[first]!;
  });
  const unread = [...new Set(profileOf.filter((id): id is string => id !== null && !clusters.has(id)))];
  if (unread.length)
    for (const [id, subject] of await deps.customers.subjects(ctx, unread, { facts: false }))
      clusters.set(id, subject);
  const records: RecordInboundInput[] = inputs.map((input, i) => {
    const id = profileOf[i];
    const cluster = id ? clusters.get(id) : undefined;
    if (id && !cluster) throw new AppError('not_found', `There is no customer ${id}`);
    return {
      channelKind: input.channelKind,
      externalId: input.externalId,
      customerId: cluster?.rootId ?? null,
      customerProfileIds: cluster?.profileIds,
      address: input.from.value,
      threadHints: input.threadHints,
      subject: input.subject ? cleanText(input.subject).slice(0, 500) : null,
      text: cleanText(input.text),
      html: input.html ? cleanText(input.html) : null,
      attachments: input.attachments,
      unparsed: input.unparsed,
      channelAccountId: input.channelAccountId ?? null,
      channelId: input.channelId ?? null,
      occurredAt: input.occurredAt,
    };
  });
  const outcomes = await deps.inbox.recordInboundBatch(ctx, records);
  const entries = outcomes.flatMap((o, i) => {
    const customerId = records[i]!.customerId;
    return o.opened && customerId
      ? [
          {
            customerId,
            entry: {
              kind: 'conversation.started',
              channelId: inputs[i]!.channelId ?? null,
              occurredAt: inputs[i]!.occurredAt,
              ref: o.conversation.id,
              properties: { channelKind: inputs[i]!.channelKind },
            },
          },
        ]
      : [];
  });
  if (entries.length) await deps.customers.recordTimelineEntries(ctx, entries);
  return outcomes;
}

interface Job {
  ctx: Ctx;
  inputs: InboundMessageInput[];
  done: Deferred<InboundOutcome[]>;
}

/** receiveInbound for one message or a delivery's many, coalesced with whatever else is waiting. */
export function createInboundFiling(deps: { inbox: InboxService; customers: InboundCustomers }) {
  const queue: Job[] = [];
  let busy = false;

  /** Whole jobs up to MAX_BATCH messages (at least one), on the first one's database and clock. */
  function take(): Job[] {
    const first = queue[0]!;
    const jobs: Job[] = [];
    let n = 0;
    for (let i = 0; i < queue.length; ) {
      const j = queue[i]!;
      const fits = j.ctx.db === first.ctx.db && j.ctx.clock === first.ctx.clock;
      if (fits && (jobs.length === 0 || n + j.inputs.length <= MAX_BATCH)) {
        jobs.push(j);
        n += j.inputs.length;
        queue.splice(i, 1);
      } else i++;
      if (n >= MAX_BATCH) break;
    }
    return jobs;
  }

  function drain(): void {
    if (busy || !queue.length) return;
    busy = true;
    void run(take()).finally(() => {
      busy = false;
      drain();
    });
  }

  async function run(jobs: Job[]): Promise<void> {
    try {
      const outcomes = await fileBatch(
        deps,
        jobs[0]!.ctx,
        jobs.flatMap((j) => j.inputs),
      );
      let at = 0;
      for (const j of jobs) {
        j.done.resolve(outcomes.slice(at, at + j.inputs.length));
        at += j.inputs.length;
      }
    } catch (err) {
      if (jobs.length === 1) return jobs[0]!.done.reject(err);
      // One job's message may be what failed: each goes alone so the others are still filed.
      for (const j of jobs) {
        try {
          j.done.resolve(await fileBatch(deps, j.ctx, j.inputs));
        } catch (e) {
          j.done.reject(e);
        }
      }
    }
  }

  return {
    receiveInbound: async (ctx: Ctx, input: InboundMessageInput): Promise<InboundOutcome> =>
      (await receiveInboundBatch(ctx, [input]))[0]!,
    receiveInboundBatch,
  };

  function receiveInboundBatch(ctx: Ctx, inputs: InboundMessageInput[]): Promise<InboundOutcome[]> {
    if (inputs.length === 0) return Promise.resolve([]);
    // Inside a caller's transaction there is nothing to coalesce with.
    if (ctx.inTx) return fileBatch(deps, ctx, inputs);
    const job: Job = { ctx, inputs, done: deferred() };
    queue.push(job);
    drain();
    return job.done.promise;
  }
}
