// The generic channel wire format: one JSON batch per request (each element the connection's
// transform of a canonical item, or the item itself), POSTed to the connection's URL and signed with
// Standard Webhooks headers (the same signing as outbound webhooks), so receivers verify it with
// the official libraries.
import { newId } from '../../kernel/index.js';
import { standardWebhookHeaders } from '../webhooks-out/index.js';
import { type ChannelAdapter, outcomesOf, type PushResult, type ReadyItem } from './adapter.js';
import type { WireRequest } from './wire.js';

function request(
  p: {
    connection: { id: string; channelId: string; baseUrl: string; credentials: unknown };
    nowSeconds: number;
  },
  items: ReadyItem[],
): WireRequest {
  const id = newId('msg');
  const body = JSON.stringify({
    type: 'channel_sync.batch',
    connectionId: p.connection.id,
    channelId: p.connection.channelId,
    timestamp: new Date(p.nowSeconds * 1000).toISOString(),
    items: items.map((i) => i.payload),
  });
  const { secret } = p.connection.credentials as { secret: string };
  return {
    method: 'POST',
    url: p.connection.baseUrl,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Omnihub-ChannelSync/1',
      ...standardWebhookHeaders([secret], id, p.nowSeconds, body),
    },
    body,
  };
}

export const genericAdapter: ChannelAdapter = {
  // An empty batch, signed: a receiver that verifies it verifies real batches.
  check: (p) => request(p, []),
  async preview(p, items) {
    return items.length ? [request(p, items)] : [];
  },
  async push(p, items) {
    const r: PushResult = { outcomes: [], requests: 0 };
    if (items.length === 0) return r;
    const v = await p.send(request(p, items));
    r.requests++;
    if (v.kind === 'ok') for (const i of items) r.outcomes.push({ sku: i.sku, kind: 'pushed' });
    else
      outcomesOf(
        items.map((i) => i.sku),
        v,
        r,
      );
    return r;
  },
};
