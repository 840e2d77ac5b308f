// Option values' names (#17): variants keep colour codes, a channel's shoppers read the names in
// their language (the demo names its five colours in en, nl, sv, es and bg); naming needs an unbound
// secret key with catalog:write, reading them a key of the channel with catalog:read; hostile input
// is refused naming the field, with nothing written.
import { expect, it } from 'vitest';
import { eventually } from './helpers/eventually.js';
import { describeEachHub } from './helpers/test-hub.js';

type Labels = { items: Array<{ option: string; value: string; label: string }> };
const nameOf = (r: Labels, option: string, value: string) =>
  r.items.find((l) => l.option === option && l.value === value)?.label;

describeEachHub(
  'option value names',
  (t) => {
    const labels = async (channel: string, locale: string, key?: string) => {
      const r = await t.api(
        'GET',
        `/api/channels/${channel}/option-labels?locale=${locale}`,
        key ? { key } : {},
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body as Labels;
    };

    it("names the demo's colours in the page's language, every colour facet value included", async () => {
      expect(nameOf(await labels('webshop', 'nl'), 'colour', 'moss')).toBe('mos');
      expect(nameOf(await labels('webshop', 'en'), 'colour', 'fjord')).toBe('fjord blue');
      // Colour codes are what facets and variants carry: every facet value has a name in Dutch.
      const search = await t.api('GET', '/api/channels/webshop/search?locale=nl&limit=1');
      const colours = (search.body.facets.options as Array<{ name: string; value: string }>).filter(
        (o) => o.name === 'colour',
      );
      const nl = await labels('webshop', 'nl');
      expect(colours.map((c) => nameOf(nl, 'colour', c.value)).sort()).toEqual(
        ['berk', 'fjordblauw', 'gloed', 'graniet', 'mos'].sort(),
      );
    });

    it('renames a value, writes nothing for the same names again, and refuses bad input', async () => {
      const rename = { labels: [{ option: 'colour', value: 'moss', locale: 'nl', label: 'mosgroen' }] };
      const first = await t.api('PUT', '/api/catalog/option-labels', { body: rename });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toEqual({ changed: 1 });
      expect((await t.api('PUT', '/api/catalog/option-labels', { body: rename })).body).toEqual({
        changed: 0,
      });
      expect(nameOf(await labels('webshop', 'nl'), 'colour', 'moss')).toBe('mosgroen');
      // On a shared PostgreSQL server an event shows once every older transaction has ended (any
      // database's): wait for it, then make sure the repeat added none.
      const renamesSeen = () =>
        t
          .api('GET', '/api/events?types=catalog.option_labels_changed&limit=100')
          .then((events) =>
            (events.body.items as Array<{ data: { labels: Array<{ label: string }> } }>).filter((e) =>
              e.data.labels.some((l) => l.label === 'mosgroen'),
            ),
          );
      await eventually(renamesSeen, (l) => l.length >= 1);
      expect(await renamesSeen()).toHaveLength(1);

      for (const [label, body, field] of [
        [
          'empty label',
          { labels: [{ option: 'colour', value: 'moss', locale: 'nl', label: ' ' }] },
          'labels',
        ],
        [
          'bad locale',
          { labels: [{ option: 'colour', value: 'moss', locale: 'NL!', label: 'x' }] },
          'locale',
        ],
        ['no labels', { labels: [] }, 'labels'],
        ['extra field', { labels: [], more: 1 }, ''],
      ] as const) {
        const r = await t.api('PUT', '/api/catalog/option-labels', { body });
        expect(r.status, label).toBe(400);
        expect(JSON.stringify(r.body), label).toContain(field);
      }
      expect(nameOf(await labels('webshop', 'nl'), 'colour', 'moss')).toBe('mosgroen');
    });

    it('refuses naming without a key, without catalog:write, with a channel-bound or publishable key', async () => {
      const body = { labels: [{ option: 'colour', value: 'ember', locale: 'en', label: 'hacked' }] };
      expect((await t.api('PUT', '/api/catalog/option-labels', { body, key: null })).status).toBe(401);
      const reader = await t.api('POST', '/api/keys', { body: { name: 'reader', scopes: ['catalog:read'] } });
      expect(
        (await t.api('PUT', '/api/catalog/option-labels', { body, key: reader.body.secret })).status,
      ).toBe(403);
      const webshop = (await t.api('GET', '/api/channels/webshop')).body as { id: string };
      const bound = await t.api('POST', '/api/keys', {
        body: { name: 'bound', scopes: ['catalog:write', 'catalog:read'], channelId: webshop.id },
      });
      expect(bound.status, JSON.stringify(bound.body)).toBe(201);
      expect(
        (await t.api('PUT', '/api/catalog/option-labels', { body, key: bound.body.secret })).status,
      ).toBe(403);
      const page = (await t.hub.http.inject({ method: 'GET', url: '/store/app' })).body;
      const appKey = /<meta name="omnihub-publishable-key" content="([^"]+)">/.exec(page)![1]!;
      expect((await t.api('PUT', '/api/catalog/option-labels', { body, key: appKey })).status).toBe(403);
      expect(nameOf(await labels('webshop', 'en'), 'colour', 'ember')).toBe('ember');

      // Reading: the channel's own keys; another channel's publishable key and no key are refused.
      expect(nameOf(await labels('app', 'es', appKey), 'colour', 'ember')).toBe('brasa');
      expect((await t.api('GET', '/api/channels/webshop/option-labels', { key: appKey })).status).toBe(403);
      expect((await t.api('GET', '/api/channels/webshop/option-labels', { key: null })).status).toBe(401);
      expect((await t.api('GET', '/api/channels/webshop/option-labels?locale=xx-YY!')).status).toBe(400);
    });
  },
  { demo: true },
);
