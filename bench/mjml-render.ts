// mjml-render: the CPU one journey email's render costs (MJML → HTML with its text part), over many
// mails of a few template variants with different values per mail, as a send batch renders them. An
// in-process micro-benchmark: CPU per mail (process.cpuUsage) holds on a loaded machine better than
// wall time. Run it before and after a change for an A/B, with the load average it prints.
// Usage: tsx bench/mjml-render.ts [--mails 2000] [--variants 10]
import { loadavg } from 'node:os';
import { DEFAULT_SETTINGS, renderMessage } from '../src/modules/messaging/index.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const mails = option('mails', 2000);
const variants = option('variants', 10);

const content = (v: number) => ({
  subject: `{{shop}}: your cart is waiting (${v})`,
  body: `You left {{itemCount}} item(s) in your cart ({{total}}). Variant ${v}.\n\nIn a store? Show the code {{handoffCode}} at the till.`,
  cta: 'Back to my cart',
});
const values = (i: number) => ({
  shop: 'Fjällfolk',
  itemCount: String(1 + (i % 5)),
  total: `€${(i % 97) + 10}.00`,
  link: `https://shop.example/store/web/cart?cart=crt_${i}&lang=en`,
  handoffCode: `K7Q${i % 1000}`,
});

async function main() {
  const load = loadavg().map((l) => l.toFixed(2));
  // The first render loads MJML (~0.3 s): outside the measured window.
  await renderMessage('email', content(0), DEFAULT_SETTINGS.brand, values(0), { name: 'x', language: 'en' });
  const per: number[] = [];
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < mails; i++) {
    const t0 = performance.now();
    const r = await renderMessage('email', content(i % variants), DEFAULT_SETTINGS.brand, values(i), {
      name: 'abandoned_cart',
      language: 'en',
    });
    per.push(performance.now() - t0);
    if (!r.html?.includes(`crt_${i}&amp;lang=en`)) throw new Error(`mail ${i} lacks its own link`);
  }
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - wall0;
  per.sort((a, b) => a - b);
  const q = (p: number) => per[Math.min(per.length - 1, Math.floor(p * per.length))]!.toFixed(3);
  console.log(
    JSON.stringify(
      {
        mails,
        variants,
        cpuMsPerMail: ((cpu.user + cpu.system) / 1000 / mails).toFixed(3),
        wallMsPerMail: (wall / mails).toFixed(3),
        p50Ms: q(0.5),
        p99Ms: q(0.99),
        loadBefore: load,
        loadAfter: loadavg().map((l) => l.toFixed(2)),
      },
      null,
      1,
    ),
  );
}

await main();
