// Expected business outcomes (insufficient stock, merge refused) are typed results, not exceptions.

export type Result<T, E extends { reason: string }> = { ok: true; value: T } | ({ ok: false } & E);

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E extends { reason: string }>(error: E): { ok: false } & E => ({ ok: false, ...error });
