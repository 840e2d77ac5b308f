// The tracking plan: a JSON Schema per event name, compiled once with Ajv (draft 2020-12, which
// also reads draft-07 keywords), checked against each incoming event's properties. What the ingest
// hook holds is a snapshot of compiled validators: with no plan it is an empty map and checking an
// event costs one size test.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { AppError } from '../../kernel/index.js';
import type { TrackingPlanEntry } from './cdp.types.js';

// strict: false lets plans carry annotations (titles, examples, x-*) other tools add; allErrors so
// a report names every wrong property at once.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

export interface PlanCheck {
  validate: ValidateFunction;
  block: boolean;
}

/** Compiles a schema or refuses it (422, naming the schema's problem). */
export function compilePlanSchema(schema: Record<string, unknown>): ValidateFunction {
  try {
    return ajv.compile(schema);
  } catch (err) {
    throw new AppError(
      'tracking_plan_schema_invalid',
      `The JSON Schema is not valid: ${(err as Error).message}`,
      {
        issues: [{ path: 'body.schema', message: (err as Error).message }],
      },
    );
  }
}

/** The compiled plan, by event name. */
export function compilePlan(entries: TrackingPlanEntry[]): Map<string, PlanCheck> {
  const plan = new Map<string, PlanCheck>();
  for (const e of entries) {
    try {
      plan.set(e.eventName, { validate: ajv.compile(e.schema), block: e.block });
    } catch {
      // Saved schemas compiled when saved; one Ajv cannot read anymore is skipped, not fatal.
    }
  }
  return plan;
}

/** The paths and rules a failed validation names (never the values). */
export function violationsOf(validate: ValidateFunction): Array<{ path: string; message: string }> {
  return (validate.errors ?? []).slice(0, 20).map((e) => ({
    path: `properties${e.instancePath.replaceAll('/', '.')}`,
    message: e.message ?? e.keyword,
  }));
}
