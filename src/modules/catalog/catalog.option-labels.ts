// Option values' names per locale: variants keep their codes ("moss"), shoppers read names ("mos").
// A change is one `catalog.option_labels_changed` event, so kept channel views can follow it.
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendCatalogEvents, CATALOG_EVENTS } from './catalog.events.js';
import { selectOptionLabels, upsertOptionLabels } from './catalog.option-labels.repository.js';
import { type OptionLabel, OptionLabelsInput, parseInput } from './catalog.types.js';

/** Names option values in locales (a name given twice in one call keeps the last); how many changed. */
export async function setOptionLabels(ctx: Ctx, labels: OptionLabel[]): Promise<number> {
  const parsed = parseInput(OptionLabelsInput, { labels }).labels;
  const unique = [
    ...new Map(parsed.map((l) => [`${l.option}\u001f${l.value}\u001f${l.locale}`, l])).values(),
  ];
  return inTransaction(ctx, async (tx) => {
    const changed = await upsertOptionLabels(tx.db, unique, tx.clock.now());
    if (changed.length === 0) return 0; // the same names again: nothing written, no event
    await appendCatalogEvents(tx, [
      { type: CATALOG_EVENTS.optionLabelsChanged, subject: 'option-labels', payload: { labels: changed } },
    ]);
    return changed.length;
  });
}

/** Each option value's name in the first of `locales` that has one (values without a name: none). */
export const optionLabelsOf = (ctx: Ctx, locales: string[]) => selectOptionLabels(ctx.db, locales);
