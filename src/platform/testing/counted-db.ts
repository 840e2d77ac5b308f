// A database handle whose statements are counted: round-trip tests of a use case run it with this in
// its context and compare the count with what the use case should send.
import type { Ctx } from '../context.js';

export function countedDb(db: Ctx['db']): { db: Ctx['db']; count: () => number } {
  let n = 0;
  const counted = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'execute')
        return (q: Parameters<typeof db.execute>[0]) => {
          n++;
          return target.execute(q);
        };
      return Reflect.get(target, prop, receiver);
    },
  });
  return { db: counted, count: () => n };
}
