// The wire adapters by connector kind.
import type { ConnectorKind } from '../../modules/integrations/index.js';
import { genericAdapter } from '../generic/generic.adapter.js';
import { shopifyAdapter } from '../shopify/shopify.adapter.js';
import { woocommerceAdapter } from '../woocommerce/woocommerce.adapter.js';
import type { WireAdapter } from './wire-adapter.js';

export const WIRE_ADAPTERS: Record<ConnectorKind, WireAdapter> = {
  generic: genericAdapter,
  shopify: shopifyAdapter,
  woocommerce: woocommerceAdapter,
};
