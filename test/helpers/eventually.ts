// Polls until a check passes (or gives up): for effects produced asynchronously from the event log,
// e.g. by a chain of consumers (one consumer's caughtUp() says nothing of what a later one does).
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}
