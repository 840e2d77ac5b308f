// Event contracts: every event type has a Zod schema of its payload, declared next to its name in
// the owner's `*.events.ts` and registered here by the composition root (app.ts), since the platform
// never imports modules. In tests and development the event log checks each appended payload against
// its schema and refuses a type that has none; in production and benchmarks it checks nothing.
import { z } from 'zod';

/** A payload schema: a JSON object (payloads are stored as JSONB). */
export type EventPayloadSchema = z.ZodType<Record<string, unknown>>;

/** An owner's events: type → payload schema. */
export type EventSchemas = Readonly<Record<string, EventPayloadSchema>>;

/** One owner's table of events (a module, or the platform), as the catalogue lists it. */
export interface EventSchemaSet {
  owner: string;
  schemas: EventSchemas;
}

/** Declares an owner's events; keeps each schema's own type so z.infer works per event. */
export const defineEvents = <const S extends EventSchemas>(schemas: S): S => schemas;

/** The payload type of one event of a table made with defineEvents. */
export type EventPayload<S extends EventSchemas, T extends keyof S> = z.infer<S[T]>;

/** A time in a payload: Dates are written as ISO 8601 strings (JSON). */
export const EventTime = z.iso.datetime({ offset: true });

const registry = new Map<string, { owner: string; schema: EventPayloadSchema }>();

/** Adds owners' event tables; the same type registered again must come with the same schema. */
export function registerEventSchemas(sets: readonly EventSchemaSet[]): void {
  for (const set of sets) {
    for (const [type, schema] of Object.entries(set.schemas)) {
      const known = registry.get(type);
      if (known && known.schema !== schema) {
        throw new Error(`event type ${type} is declared twice (${known.owner} and ${set.owner})`);
      }
      registry.set(type, { owner: set.owner, schema });
    }
  }
}

export const eventSchemaOf = (type: string): EventPayloadSchema | undefined => registry.get(type)?.schema;

/** Checking is on in tests and development (NODE_ENV), or as OMNIHUB_VALIDATE_EVENTS says (1/0). */
export function eventValidationFromEnv(env: NodeJS.ProcessEnv): boolean {
  const flag = env.OMNIHUB_VALIDATE_EVENTS?.trim();
  if (flag === '1' || flag === 'true') return true;
  if (flag === '0' || flag === 'false') return false;
  return env.NODE_ENV === 'test' || env.NODE_ENV === 'development';
}

let validating = eventValidationFromEnv(process.env);

export const eventValidation = (): boolean => validating;

/** Turns checking on or off for this process (tests of the check itself). */
export function setEventValidation(on: boolean): void {
  validating = on;
}

/** An event that breaks its contract: a programming error, never a caller's. */
export class EventContractError extends Error {
  override name = 'EventContractError';
}

/**
 * Checks events about to be written (payload as the JSON text or object that is stored) when
 * checking is on: throws on a type without a schema or a payload its schema refuses.
 */
export function checkEventContracts(list: ReadonlyArray<{ type: string; payload: unknown }>): void {
  if (!validating) return;
  for (const e of list) {
    const schema = registry.get(e.type)?.schema;
    if (!schema) {
      throw new EventContractError(
        `event type ${e.type} has no payload schema: declare it in its owner's *.events.ts and register it in app.ts`,
      );
    }
    // Checked as it is stored and read back: JSON (a Date in an object becomes its ISO string).
    const payload = JSON.parse(typeof e.payload === 'string' ? e.payload : JSON.stringify(e.payload));
    const checked = schema.safeParse(payload);
    if (!checked.success) {
      throw new EventContractError(
        `event ${e.type} does not match its payload schema:\n${z.prettifyError(checked.error)}`,
      );
    }
  }
}

/**
 * A stored event's payload as its declared type. When checking is on the payload is parsed (so a
 * consumer never reads a shape the producer did not declare); otherwise it is trusted as written.
 */
export function payloadOf<S extends EventPayloadSchema>(schema: S, event: { payload: unknown }): z.infer<S> {
  return (validating ? schema.parse(event.payload) : event.payload) as z.infer<S>;
}

/** Every registered type with its owner and schema, sorted by type (for the catalogue and /schemas). */
export function registeredEvents(): Array<{ type: string; owner: string; schema: EventPayloadSchema }> {
  return [...registry].map(([type, r]) => ({ type, ...r })).sort((a, b) => a.type.localeCompare(b.type));
}

/** The stable URI of an event type's payload schema (CloudEvents `dataschema`). */
export const eventDataSchemaPath = (type: string): string => `/schemas/events/${type}.json`;

/** An event type's payload schema as JSON Schema (draft 2020-12). */
export function eventJsonSchema(type: string): Record<string, unknown> | undefined {
  const schema = registry.get(type)?.schema;
  if (!schema) return undefined;
  return {
    $id: eventDataSchemaPath(type),
    title: type,
    ...z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }),
  };
}
