-- EXPLAIN of each reader of the event log on the seeded log: psql <url> -f readers.sql
-- (R2/R3: the API's filtered reads as they were before scanEvents; S1/S2: as they are now).
\set H '(select coalesce((select min(x::text::bigint) from pg_snapshot_xip(pg_current_snapshot()) x where (x::text::bigint % 4294967296) not in (select backend_xid::text::bigint from pg_stat_activity where backend_xid is not null and datid is distinct from (select oid from pg_database where datname = current_database()))), pg_snapshot_xmax(pg_current_snapshot())::text::bigint))'
\pset pager off
\echo === R1 window: readEvents after near-head cursor, no filter, limit 1000
explain (analyze, buffers, costs off, timing off, summary off) select id, position, tx_id, type, subject, channel_id, payload from events where (tx_id, position) > (9900::bigint, 990000::bigint) and tx_id < :H order by tx_id, position limit 1000;
\echo === R2 API from start, types=cart.repriced (rare), limit 100
explain (analyze, buffers, costs off, timing off, summary off) select id, position, tx_id, type from events where (tx_id, position) > (0::bigint, 0::bigint) and tx_id < :H and (type = any('{cart.repriced}'::text[])) order by tx_id, position limit 100;
\echo === R3 API from start, types=catalog.* (prefix, none in log), limit 100 (product-feeds, stream replay)
explain (analyze, buffers, costs off, timing off, summary off) select id, position, tx_id, type from events where (tx_id, position) > (0::bigint, 0::bigint) and tx_id < :H and (type like any('{catalog.%}'::text[])) order by tx_id, position limit 100;
\echo === R4 near head, types=order.created, limit 1000 (product-feeds follow, consumer releasable waiters)
explain (analyze, buffers, costs off, timing off, summary off) select id, position, tx_id, type from events where (tx_id, position) > (9900::bigint, 990000::bigint) and tx_id < :H and (type = any('{order.created}'::text[])) order by tx_id, position limit 1000;
\echo === R5 subject + type (privacy consent, order confirmation), serialized
explain (analyze, buffers, costs off, timing off, summary off) select id, position, tx_id, type from events where (tx_id, position) > (0::bigint, 0::bigint) and (type = any('{order.confirmation_sent}'::text[])) and subject = 'ord_12345' order by tx_id, position limit 1;
\echo === R6 API subject only (sku subject, large)
explain (analyze, buffers, costs off, timing off, summary off) select id, position, tx_id, type from events where (tx_id, position) > (0::bigint, 0::bigint) and tx_id < :H and subject = 'sku_17' order by tx_id, position limit 100;
\echo === R7 API channel actor from start
explain (analyze, buffers, costs off, timing off, summary off) select id, position, tx_id, type from events where (tx_id, position) > (0::bigint, 0::bigint) and tx_id < :H and (channel_id = 'chn_1' or channel_id is null) order by tx_id, position limit 100;
\echo === R8 readEventsAhead near head
explain (analyze, buffers, costs off, timing off, summary off) with h as (select :H as x), head as (select tx_id, position from events where tx_id < (select x from h) order by tx_id desc, position desc limit 1) select e.*, head.tx_id from (select 1) one left join head on true left join lateral (select id, position, tx_id, type from events where (tx_id, position) > (9900::bigint, 990000::bigint) and (type = any('{product.updated}'::text[]) or type like any('{catalog.%}'::text[])) order by tx_id, position limit 1000) e on true;
\echo === R9 findEvent
explain (analyze, buffers, costs off, timing off, summary off) select * from events where id = (select id from events where position = 5000);
\echo === R10 headCursor / committedHead
explain (analyze, buffers, costs off, timing off, summary off) select tx_id, position from events where tx_id < :H order by tx_id desc, position desc limit 1;
\echo === R11 consumerLags probe
explain (analyze, buffers, costs off, timing off, summary off) select e.recorded_at from events e where (e.tx_id, e.position) > (9900, 990000) order by e.tx_id, e.position limit 1;
\echo === R12 idempotency before log_tx_id: max(position), committedEvents by position
explain (analyze, buffers, costs off, timing off, summary off) select coalesce(max(position), 0) from events;
explain (analyze, buffers, costs off, timing off, summary off) select type, subject from events where position > 999000 and request_id = any('{req_45440}'::text[]) order by position limit 1000;
\echo === R13 crossing figures (cart.repriced since 1 day / sample)
explain (analyze, buffers, costs off, timing off, summary off) select payload->>'fromChannelId', channel_id, count(distinct subject) from events where type = 'cart.repriced' and recorded_at >= now() - interval '1 day' and payload->>'fromChannelId' <> channel_id group by 1, 2 order by 1, 2;
explain (analyze, buffers, costs off, timing off, summary off) select subject from events where type = 'cart.repriced' and recorded_at >= now() - interval '1 day' and payload->>'fromChannelId' <> channel_id order by position desc limit 20;
\echo === R14 erasure select (full scan by design)
explain (costs off) select id, payload from events where subject = any('{ord_1,cus_x}') or payload::text like any('{%alice@example.com%}') for update;
\echo === S1 scanEvents from start, types=catalog.* (prefix, none), limit 100 (API, product-feeds, stream replay after)
explain (analyze, buffers, costs off, timing off, summary off) with walked as materialized (select tx_id, position, (type like any('{catalog.%}'::text[])) as hit from events where (tx_id, position) > (0::bigint, 0::bigint) and tx_id < :H order by tx_id, position limit 10000), last as (select tx_id, position from walked order by tx_id desc, position desc limit 1) select e.*, (select count(*) from walked) as walked, last.tx_id, last.position from (select 1) one left join last on true left join lateral (select x.* from (select tx_id, position from walked where hit order by tx_id, position limit 100) w cross join lateral (select id, position, tx_id, type, subject, channel_id, payload from events where events.tx_id = w.tx_id and events.position = w.position) x order by x.tx_id, x.position) e on true order by e.tx_id, e.position;
\echo === S2 scanEvents from start, types=order.created (1/22), limit 100
explain (analyze, buffers, costs off, timing off, summary off) with walked as materialized (select tx_id, position, (type = any('{order.created}'::text[])) as hit from events where (tx_id, position) > (0::bigint, 0::bigint) and tx_id < :H order by tx_id, position limit 10000), last as (select tx_id, position from walked order by tx_id desc, position desc limit 1) select e.*, (select count(*) from walked) as walked, last.tx_id, last.position from (select 1) one left join last on true left join lateral (select x.* from (select tx_id, position from walked where hit order by tx_id, position limit 100) w cross join lateral (select id, position, tx_id, type, subject, channel_id, payload from events where events.tx_id = w.tx_id and events.position = w.position) x order by x.tx_id, x.position) e on true order by e.tx_id, e.position;
\echo === R12b idempotency committedEvents from the claim tx id (after)
explain (analyze, buffers, costs off, timing off, summary off) select type, subject from events where tx_id >= 9990 and request_id = any('{req_45440}'::text[]) order by tx_id, position limit 1000;
