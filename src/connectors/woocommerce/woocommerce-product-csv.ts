// WooCommerce's product CSV export (Products → Export), read as hub rows. A simple product is one
// record (product, its one variant, price, stock); a variable product is a parent record followed
// by variation records whose Parent names it ("id:123" or the parent's SKU), each with its
// Attribute N name / value(s). The sale price, when set, is the price; the regular price is then its
// compare-at ("was") price. Tags go on the product. Weights, dimensions, tax classes and shipping
// classes are left out. Published: 1 published, 0 private, -1 draft.
import {
  addPrice,
  addStock,
  categoryOf,
  type DialectTargets,
  htmlToText,
  type ImportDialect,
  slugify,
  type Translated,
  tagsOf,
} from '../../flows/import-export/index.js';

const REQUIRED = ['Type', 'SKU', 'Name', 'Regular price'];

export const woocommerceProductCsv: ImportDialect = {
  name: 'WooCommerce product CSV',
  detect: (header) => REQUIRED.every((h) => header.includes(h)) && !header.includes('kind'),
  start: (targets) => {
    const handleByRef = new Map<string, string>();
    const taken = new Set<string>();
    const mediaOf = new Map<string, string[]>();
    const uniqueHandle = (name: string, slug: string) => {
      const base = slugify(slug || name) || 'product';
      let handle = base;
      for (let n = 2; taken.has(handle); n++) handle = `${base.slice(0, 120)}-${n}`;
      taken.add(handle);
      return handle;
    };
    return {
      translate(r): Translated {
        const get = (name: string) => (r[name] ?? '').trim();
        const out: Translated = { rows: [], problems: [] };
        const types = get('Type')
          .toLowerCase()
          .split(',')
          .map((t) => t.trim());
        if (types.includes('variation')) {
          const parent = get('Parent');
          const handle = handleByRef.get(parent) ?? handleByRef.get(`sku:${parent}`);
          if (!handle)
            return { rows: [], problems: [`Parent: no product ${parent || '(empty)'} above this row`] };
          addImages(handle, get('Images'), mediaOf, out);
          variantRows(handle, get, attributes(r), targets, out);
          return out;
        }
        const name = get('Name');
        if (!name) return { rows: [], problems: ['Name is empty'] };
        const handle = uniqueHandle(name, get('Slug'));
        if (get('ID')) handleByRef.set(`id:${get('ID')}`, handle);
        if (get('SKU')) handleByRef.set(`sku:${get('SKU')}`, handle);
        out.rows.push(...productRows(handle, get, targets));
        addImages(handle, get('Images'), mediaOf, out);
        // A simple product is its own one variant; a variable product's variants follow.
        if (!types.includes('variable') && !types.includes('grouped')) {
          variantRows(handle, get, {}, targets, out);
        }
        return out;
      },
    };
  },
};

function productRows(handle: string, get: (name: string) => string, targets: DialectTargets) {
  const published = get('Published');
  const categories = get('Categories')
    .split(',')
    .map((c) => categoryOf(c))
    .filter((c): c is string => !!c);
  const tags = tagsOf(get('Tags'));
  return [
    {
      kind: 'product',
      handle,
      title: get('Name'),
      description: htmlToText(get('Description') || get('Short description')) || undefined,
      ...(categories.length ? { categories: [...new Set(categories)] } : {}),
      status: published === '-1' ? 'draft' : 'active',
      ...(tags ? { tags } : {}),
    },
    ...(targets.channel
      ? [{ kind: 'listing', channel: targets.channel, handle, published: published === '1' }]
      : []),
  ];
}

function addImages(handle: string, cell: string, mediaOf: Map<string, string[]>, out: Translated) {
  const urls = cell
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  const media = mediaOf.get(handle) ?? [];
  const fresh = urls.filter((u) => !media.includes(u));
  if (!fresh.length) return;
  mediaOf.set(handle, [...media, ...fresh]);
  out.rows.push({ kind: 'product', handle, media: mediaOf.get(handle) });
}

/** A variation's options from its Attribute N name / Attribute N value(s) columns. */
function attributes(r: Record<string, string>): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 1; r[`Attribute ${i} name`] !== undefined; i++) {
    const name = (r[`Attribute ${i} name`] ?? '').trim();
    const value = (r[`Attribute ${i} value(s)`] ?? '').trim();
    if (name && value) options[name.toLowerCase()] = value;
  }
  return options;
}

function variantRows(
  handle: string,
  get: (name: string) => string,
  options: Record<string, string>,
  targets: DialectTargets,
  out: Translated,
) {
  const sku = get('SKU');
  if (!sku) {
    out.problems.push('SKU is empty: the hub knows variants by SKU');
    return;
  }
  out.rows.push({ kind: 'variant', handle, sku, options });
  if (get('Sale price'))
    addPrice(out, sku, get('Sale price'), 'Sale price', targets, {
      cell: get('Regular price'),
      column: 'Regular price',
    });
  else addPrice(out, sku, get('Regular price'), 'Regular price', targets);
  addStock(out, sku, get('Stock'), 'Stock', targets);
}
