// SQL round trips per inbound message, on an in-process hub (PostgreSQL, a counting pg client):
// every statement and BEGIN/COMMIT the hub issues while one kind of delivery is filed, background
// work (event consumers, live fan-out) included, divided by the messages stored. One delivery at a
// time, each from a person not seen before (the worst case: a new profile and a new conversation),
// then the same people again (an existing profile and open conversation). Load-independent.
import pg from 'pg';
import type { BenchContext } from './harness.js';
import { startInProcessHub } from './in-process-hub.js';
import { metaPayload, postChat, postMeta, postSms, setupInboxChannels } from './inbox-setup.js';

type Kind = 'whatsapp' | 'messenger' | 'sms' | 'web_chat';

export async function inboxRoundTrips(b: BenchContext, perKind = 15, batch = 20) {
  if (b.db !== 'postgres') return null;
  const started = await startInProcessHub({ adminKey: 'ohk_bench_inbox_roundtrip_admin_key_0000000' });
  const { hub, adminKey } = started;
  const address = await hub.http.listen({ port: 0, host: '127.0.0.1' });
  const local: BenchContext = { ...b, baseUrl: address, adminKey };
  let count = 0;
  // BENCH_SQL_HISTOGRAM=1: the statements by their text (first 100 characters), most frequent first.
  const histogram = process.env.BENCH_SQL_HISTOGRAM ? new Map<string, number>() : null;
  const original = pg.Client.prototype.query;
  (pg.Client.prototype as any).query = function (this: unknown, ...args: unknown[]) {
    count++;
    if (histogram) {
      const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
      const key = text.replace(/\s+/g, ' ').trim().slice(0, 100);
      histogram.set(key, (histogram.get(key) ?? 0) + 1);
    }
    return (original as any).apply(this, args);
  };
  const settle = () => new Promise((r) => setTimeout(r, 80));
  const round = (n: number) => Math.round(n * 10) / 10;
  try {
    const bench = await setupInboxChannels(local);
    const send = async (kind: Kind, people: number[]): Promise<number> => {
      if (kind === 'sms')
        return (await postSms(local, bench.paths.sms, people[0]!, 'Is it in stock?')).stored;
      if (kind === 'web_chat')
        return (await postChat(local, bench.shopKey, people[0]!, 'Hello')).status === 201 ? 1 : 0;
      return (await postMeta(local, bench.paths[kind], metaPayload(kind, people, 'Where is my parcel?')))
        .stored;
    };
    const measure = async (kind: Kind, start: number, size: number) => {
      await settle();
      const before = count;
      let stored = 0;
      for (let i = 0; i < perKind; i++) {
        stored += await send(
          kind,
          Array.from({ length: size }, (_, j) => start + i * size + j),
        );
        await settle();
      }
      return stored ? round((count - before) / stored) : null;
    };
    const out: Record<string, unknown> = {};
    let base = 900_000;
    for (const kind of ['whatsapp', 'messenger', 'sms', 'web_chat'] as const) {
      out[`${kind}NewPerson`] = await measure(kind, base, 1);
      out[`${kind}SamePerson`] = await measure(kind, base, 1);
      base += 10_000;
    }
    out.whatsappBatchOf20NewPeople = await measure('whatsapp', base, batch);
    const top = histogram
      ? [...histogram]
          .sort((a, z) => z[1] - a[1])
          .slice(0, 40)
          .map(([sql, n]) => ({ n, sql }))
      : undefined;
    return { perMessageIncludingBackground: out, deliveriesPerCase: perKind, ...(top ? { top } : {}) };
  } finally {
    pg.Client.prototype.query = original;
    await started.close();
  }
}
