// Shopify's product CSV export (Products → Export), read as hub rows. One product spans several
// records with the same Handle: the first carries Title, Body (HTML), Type, Product Category, Tags,
// Published, Status and the option names; each further record is a variant (Option1..3 Value,
// Variant SKU, Variant Price, Variant Barcode, Variant Inventory Qty, Variant Inventory Policy) or only an
// image (Image Src).
// Vendor and Tags go on the product, Variant Compare At Price on the price row. Weights and SEO
// fields have no place in the hub's catalog yet and are left out.
import {
  addPrice,
  addStock,
  categoryOf,
  type DialectTargets,
  htmlToText,
  type ImportDialect,
  type Translated,
  tagsOf,
} from '../../flows/import-export/index.js';

const REQUIRED = ['Handle', 'Title', 'Variant SKU', 'Variant Price'];
const SHOPIFY_POLICIES: Record<string, 'backorder' | 'deny'> = { continue: 'backorder', deny: 'deny' };

export const shopifyProductCsv: ImportDialect = {
  name: 'Shopify product CSV',
  detect: (header) => REQUIRED.every((h) => header.includes(h)) && !header.includes('kind'),
  start: (targets) => {
    let handle = '';
    let optionNames: string[] = [];
    let media: string[] = [];
    return {
      translate(r): Translated {
        const get = (name: string) => (r[name] ?? '').trim();
        const out: Translated = { rows: [], problems: [] };
        const h = get('Handle');
        if (!h) return { rows: [], problems: ['Handle is empty'] };
        if (h !== handle) {
          handle = h;
          optionNames = [];
          media = [];
        }
        if (get('Title')) out.rows.push(...productRows(h, get, targets));
        for (const i of [1, 2, 3]) {
          const name = get(`Option${i} Name`);
          if (name) optionNames[i - 1] = name;
        }
        const images = [get('Image Src'), get('Variant Image')].filter((u) => u && !media.includes(u));
        if (images.length) {
          media = [...media, ...images];
          out.rows.push({ kind: 'product', handle: h, media });
        }
        if (get('Variant SKU') || get('Variant Price') || get('Option1 Value')) {
          variantRows(h, get, optionNames, targets, out);
        }
        return out;
      },
    };
  },
};

function productRows(handle: string, get: (name: string) => string, targets: DialectTargets) {
  const status = get('Status').toLowerCase();
  const categories = [categoryOf(get('Product Category')), categoryOf(get('Type'))].filter(
    (c): c is string => !!c,
  );
  const published = get('Published').toLowerCase() === 'true';
  const tags = tagsOf(get('Tags'));
  return [
    {
      kind: 'product',
      handle,
      title: get('Title'),
      description: htmlToText(get('Body (HTML)')) || undefined,
      ...(categories.length ? { categories: [...new Set(categories)] } : {}),
      ...(['active', 'draft', 'archived'].includes(status) ? { status } : {}),
      ...(get('Vendor') ? { vendor: get('Vendor') } : {}),
      ...(tags ? { tags } : {}),
    },
    ...(targets.channel ? [{ kind: 'listing', channel: targets.channel, handle, published }] : []),
  ];
}

function variantRows(
  handle: string,
  get: (name: string) => string,
  optionNames: string[],
  targets: DialectTargets,
  out: Translated,
) {
  const sku = get('Variant SKU');
  if (!sku) {
    out.problems.push('Variant SKU is empty: the hub knows variants by SKU');
    return;
  }
  const options: Record<string, string> = {};
  optionNames.forEach((name, i) => {
    const value = get(`Option${i + 1} Value`);
    // Shopify's product without options has one variant named Title / Default Title.
    if (name && value && !(name === 'Title' && value === 'Default Title'))
      options[name.toLowerCase()] = value;
  });
  const barcode = get('Variant Barcode');
  // Shopify's "continue" sells on when out of stock (our backorder); "deny" stops, as ours does.
  const policy = SHOPIFY_POLICIES[get('Variant Inventory Policy').trim().toLowerCase()];
  out.rows.push({
    kind: 'variant',
    handle,
    sku,
    options,
    ...(barcode ? { gtin: barcode } : {}),
    ...(policy ? { stock_policy: policy } : {}),
  });

  addPrice(out, sku, get('Variant Price'), 'Variant Price', targets, {
    cell: get('Variant Compare At Price'),
    column: 'Variant Compare At Price',
  });
  addStock(out, sku, get('Variant Inventory Qty'), 'Variant Inventory Qty', targets);
}
