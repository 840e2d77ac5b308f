// The shape each wire adapter reads from a payload, per topic, checked when a delivery arrives: a
// payload that would make translation read a string as a list ("lines.map is not a function") is
// kept as `rejected` with a reason that names the field, and the sender gets 400 at once instead of
// a 200 and a JavaScript error later. The schemas are loose: senders add fields every version, and
// only what the translation reads is checked.
import { z } from 'zod';
import type { FieldIssue } from '../../kernel/index.js';
import { findTextProblems } from '../../platform/http/text-guard.js';

/** An id as senders write them: a number or a non-empty string. */
export const wireId = z.union([z.number().int().nonnegative(), z.string().min(1).max(255)]);
/** A decimal amount as senders write them ("19.99" or 19.99). */
export const wireAmount = z.union([z.string().regex(/^-?\d{1,15}(\.\d{1,10})?$/), z.number()]);
/** A count of items: a whole number, possibly written as a string. */
export const wireQuantity = z.union([z.number().int().min(0).max(1_000_000), z.string().regex(/^\d{1,7}$/)]);
export const optionalText = z.string().max(10_000).nullish();
export const optionalObject = z.looseObject({}).nullish();

/** The field issues of `payload` against the topic's shape (none when the topic has no shape). */
export function payloadIssues(shape: z.ZodType | undefined, payload: unknown): FieldIssue[] {
  const text = findTextProblems(payload, 'body');
  if (text.length) return text;
  if (!shape) return [];
  const r = shape.safeParse(payload);
  if (r.success) return [];
  return r.error.issues.slice(0, 20).map((i) => ({
    path: ['body', ...i.path.map(String)].join('.'),
    message: i.message,
    code: i.code,
  }));
}

/** One readable sentence for a stored reason: "body.line_items: expected array, received string". */
export const describeIssues = (issues: FieldIssue[]): string =>
  `the payload does not have the expected shape: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
