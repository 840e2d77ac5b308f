// Other platforms' CSV exports the hub's imports recognise by their header: Shopify's and
// WooCommerce's product, customer and order exports (each dialect says which import it is for).
import type { ImportDialect } from '../flows/import-export/index.js';
import { shopifyCustomerCsv } from './shopify/shopify-customer-csv.js';
import { shopifyOrderCsv } from './shopify/shopify-order-csv.js';
import { shopifyProductCsv } from './shopify/shopify-product-csv.js';
import { woocommerceCustomerCsv } from './woocommerce/woocommerce-customer-csv.js';
import { woocommerceOrderCsv } from './woocommerce/woocommerce-order-csv.js';
import { woocommerceProductCsv } from './woocommerce/woocommerce-product-csv.js';

export const PLATFORM_CSV_DIALECTS: readonly ImportDialect[] = [
  shopifyProductCsv,
  woocommerceProductCsv,
  shopifyCustomerCsv,
  woocommerceCustomerCsv,
  shopifyOrderCsv,
  woocommerceOrderCsv,
];
