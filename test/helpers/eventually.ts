// Polls until a check passes (or gives up): for effects produced asynchronously from the event log.
// Consumers' caughtUp() can return before an event whose transaction commits under another running
// transaction is readable (the log reads below the oldest running transaction), so tests wait for
// the effect itself.
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
