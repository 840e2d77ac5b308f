// Small collection helpers every layer uses.

/**
 * Adds `value` to the list kept under `key`, making the list at the key's first value: grouping in
 * linear time, where `map.set(key, [...(map.get(key) ?? []), value])` copied the list at every add
 * (a reservation batch of 130 requests for one SKU, a projection batch's touchpoints per order).
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
