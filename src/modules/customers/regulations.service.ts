// The record of regulations (Segment's "list regulations"): each suppress, delete or unsuppress the
// regulation flow carried out, with what it covered. The flow records it in the transaction that did
// the work, so a listed regulation always happened and a done one is always listed.
import { newId } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { insertRegulation, type RegulationRow, selectRegulations } from './regulations.repository.js';

export interface RegulationRecordInput {
  regulationType: string;
  subject: { kind: 'customer' } | { kind: 'identifier'; identifierType: string };
  customerId: string | null;
  identifiers: number;
  reason?: string | undefined;
}

export interface RegulationRecord {
  id: string;
  regulationType: string;
  subject: { kind: 'customer' | 'identifier'; identifierType: string | null };
  customerId: string | null;
  identifiers: number;
  /** Regulations run at once, so a listed one is finished (Segment's FINISHED). */
  status: 'finished';
  reason: string | null;
  actor: string;
  createdAt: Date;
}

export interface RegulationQuery {
  regulationType?: string | undefined;
  customerId?: string | undefined;
  before?: string | undefined;
  limit?: number | undefined;
}

const toRecord = (r: RegulationRow): RegulationRecord => ({
  id: r.id,
  regulationType: r.regulationType,
  subject: { kind: r.subjectKind as 'customer' | 'identifier', identifierType: r.identifierType },
  customerId: r.customerId,
  identifiers: r.identifiers,
  status: 'finished',
  reason: r.reason,
  actor: r.actor,
  createdAt: r.createdAt,
});

export function createRegulationRecords() {
  return {
    async recordRegulation(ctx: Ctx, input: RegulationRecordInput): Promise<RegulationRecord> {
      const row: RegulationRow = {
        id: newId('reg'),
        regulationType: input.regulationType,
        subjectKind: input.subject.kind,
        identifierType: input.subject.kind === 'identifier' ? input.subject.identifierType : null,
        customerId: input.customerId,
        identifiers: input.identifiers,
        status: 'finished',
        reason: input.reason ?? null,
        actor: ctx.actor.id,
        createdAt: ctx.clock.now(),
      };
      await insertRegulation(ctx.db, row);
      return toRecord(row);
    },

    async listRegulations(
      ctx: Ctx,
      q: RegulationQuery,
    ): Promise<{ items: RegulationRecord[]; next: string | null }> {
      const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
      const found = await selectRegulations(ctx.db, q, limit + 1);
      const items = found.slice(0, limit).map(toRecord);
      return { items, next: found.length > limit ? (items.at(-1)?.id ?? null) : null };
    },
  };
}
