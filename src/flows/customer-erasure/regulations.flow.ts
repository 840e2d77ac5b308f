// The regulation API, as Segment's: suppress only (new data about the subject is refused, what is
// stored stays), suppress with delete (the hub-wide erasure, whose tombstones refuse new data too)
// and unsuppress (the subject's identifiers identify people again), by profile or by identifier.
import type { CustomersService, RegulationSubject } from '../../modules/customers/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { CustomerErasureFlow, CustomerErasureReceipt } from './customer-erasure.flow.js';

export const REGULATION_TYPES = ['suppress_only', 'suppress_with_delete', 'unsuppress'] as const;
export type RegulationType = (typeof REGULATION_TYPES)[number];

export interface RegulationDeps {
  customers: Pick<
    CustomersService,
    | 'suppress'
    | 'unsuppress'
    | 'customerOfIdentifier'
    | 'tombstoneIdentifier'
    | 'recordRegulation'
    | 'listRegulations'
  >;
  erasure: Pick<CustomerErasureFlow, 'eraseCustomer'>;
}

export interface RegulationReceipt {
  regulationType: RegulationType;
  /** The customer the subject is (or was, for a deletion); null for an identifier nobody holds. */
  customerId: string | null;
  /** Identifiers suppressed, erased or lifted. */
  identifiers: number;
  /** The erasure's receipt (suppress_with_delete of a known customer). */
  erasure: CustomerErasureReceipt | null;
  at: string;
  /** The regulation's record, listed by GET /api/regulations. */
  id: string;
}

type RegulationInput = {
  regulationType: RegulationType;
  subject: RegulationSubject;
  reason?: string | undefined;
};

export function createRegulationsFlow(deps: RegulationDeps) {
  /** Carries the regulation out; the caller records it in the same transaction. */
  async function carryOut(ctx: Ctx, input: RegulationInput): Promise<Omit<RegulationReceipt, 'id'>> {
    const { regulationType, subject } = input;
    if (regulationType === 'suppress_with_delete') {
      const customerId =
        'customerId' in subject
          ? subject.customerId
          : await deps.customers.customerOfIdentifier(ctx, subject.identifier);
      if (!customerId) {
        // Nobody holds it: nothing to delete, but the identifier is refused from now on.
        const n = await deps.customers.tombstoneIdentifier(
          ctx,
          (subject as { identifier: never }).identifier,
        );
        return {
          regulationType,
          customerId: null,
          identifiers: n,
          erasure: null,
          at: ctx.clock.now().toISOString(),
        };
      }
      const erasure = await deps.erasure.eraseCustomer(
        ctx,
        customerId,
        input.reason ?? 'suppress with delete',
      );
      return {
        regulationType,
        customerId: erasure.customerId,
        identifiers: erasure.identifiersErased,
        erasure,
        at: erasure.erasedAt,
      };
    }
    const r =
      regulationType === 'suppress_only'
        ? await deps.customers.suppress(ctx, subject, input.reason)
        : await deps.customers.unsuppress(ctx, subject, input.reason);
    return {
      regulationType,
      customerId: r.customerId,
      identifiers: r.identifiers,
      erasure: null,
      at: r.at,
    };
  }

  return {
    /** Carries a regulation out and records it, in one transaction. */
    async regulate(ctx: Ctx, input: RegulationInput): Promise<RegulationReceipt> {
      return inTransaction(ctx, async (tx) => {
        const r = await carryOut(tx, input);
        const record = await deps.customers.recordRegulation(tx, {
          regulationType: input.regulationType,
          subject:
            'customerId' in input.subject
              ? { kind: 'customer' }
              : { kind: 'identifier', identifierType: input.subject.identifier.type },
          customerId: r.customerId,
          identifiers: r.identifiers,
          reason: input.reason,
        });
        return { ...r, id: record.id };
      });
    },
    /** The regulations carried out, newest first. */
    listRegulations: deps.customers.listRegulations,
  };
}

export type RegulationsFlow = ReturnType<typeof createRegulationsFlow>;
