// SQL of the option values' names per locale (catalog_option_labels).
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { OptionLabel } from './catalog.types.js';

/** Writes these names (a value's name in a locale replaces the one it had); returns those that changed. */
export async function upsertOptionLabels(
  exec: Executor,
  labels: OptionLabel[],
  at: Date,
): Promise<OptionLabel[]> {
  return rows<OptionLabel>(
    exec,
    sql`insert into catalog_option_labels (option, value, locale, label, updated_at)
        select u.option, u.value, u.locale, u.label, ${at.toISOString()}::timestamptz
        from unnest(${sql.param(labels.map((l) => l.option))}::text[], ${sql.param(labels.map((l) => l.value))}::text[],
                    ${sql.param(labels.map((l) => l.locale))}::text[], ${sql.param(labels.map((l) => l.label))}::text[])
             as u(option, value, locale, label)
        on conflict (option, value, locale) do update set label = excluded.label, updated_at = excluded.updated_at
        where catalog_option_labels.label is distinct from excluded.label
        returning option, value, locale, label`,
  );
}

/** Each option value's name in the first of `locales` that has one. */
export async function selectOptionLabels(
  exec: Executor,
  locales: string[],
): Promise<Array<{ option: string; value: string; label: string }>> {
  return rows(
    exec,
    sql`select distinct on (l.option, l.value) l.option, l.value, l.label
        from catalog_option_labels l
        join unnest(${sql.param(locales)}::text[]) with ordinality u(locale, i) on u.locale = l.locale
        order by l.option, l.value, u.i`,
  );
}
