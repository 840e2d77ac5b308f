-- A log of 1M events (the checkout's mix of types; skus and orders as subjects; ~100 events per
-- transaction id) for EXPLAIN of the log's readers: psql <url of a migrated database> -f seed.sql
truncate events;
with t(types) as (select array['inventory.stock_changed','inventory.stock_changed','inventory.stock_changed','inventory.reserved','inventory.reserved','inventory.reserved','cart.line_added','cart.line_added','cart.line_added','inventory.reservation_allocated','inventory.reservation_allocated','inventory.reservation_allocated','order.fulfilment_planned','order.created','cart.created','cart.checked_out','payment.authorized','order.paid','cart.delivery_chosen','customer.consent_changed','order.confirmation_sent','product.updated'])
insert into events (id, position, tx_id, type, subject, channel_id, payload, actor, request_id, occurred_at, recorded_at)
select 'evt_' || lpad(to_hex(g), 32, '0'), g, g / 100,
  case when g % 5000 = 0 then 'cart.repriced' else t.types[1 + g % 22] end,
  case when g % 22 < 12 then 'sku_' || (g % 300) else 'ord_' || (g / 22) end,
  'chn_' || (g % 3),
  jsonb_build_object('fromChannelId', 'chn_' || (g % 2), 'qty', g % 7, 'pad', repeat('x', 300)),
  'key_bench', 'req_' || (g / 22), now() - (1000000 - g) * interval '10 ms', now() - (1000000 - g) * interval '10 ms'
from generate_series(1, 1000000) g, t;
select setval('events_position_seq', 1000000);
vacuum analyze events;
