// Wakes event consumers when new events commit, instead of making them poll hard.

export class EventNotifier {
  private waiters = new Set<() => void>();
  /** Bumped on every notify, so a waiter that looked before a notify does not sleep through it. */
  version = 0;

  private localListeners = new Set<() => void>();
  private backgroundGate: Promise<void> = Promise.resolve();

  /**
   * Background readers (consumers) wait for this before their first statement. A serving process
   * holds it until it listens: its first statements then answer /ready, and a cold start is not
   * spent on every consumer's lease claim and first read ahead of the first request.
   */
  backgroundMayStart(): Promise<void> {
    return this.backgroundGate;
  }

  /** Holds background readers back until the returned function is called. */
  holdBackground(): () => void {
    let release!: () => void;
    this.backgroundGate = new Promise((resolve) => {
      release = resolve;
    });
    return release;
  }

  /** Events were committed (or may be readable) in this process: wakes waiters and tells listeners. */
  notify(): void {
    for (const l of this.localListeners) l();
    this.notifyRemote();
  }

  /** Another process committed events (heard through NATS): wakes waiters only, so it is not echoed. */
  notifyRemote(): void {
    this.version++;
    const ws = [...this.waiters];
    this.waiters.clear();
    for (const w of ws) w();
  }

  /**
   * Wakes waiters in `ms` unless a notify comes first: for a read that may have missed committed
   * events without any commit to come that would wake its reader.
   */
  notifyUnlessSooner(ms: number): void {
    const seen = this.version;
    setTimeout(() => this.version === seen && this.notifyRemote(), ms).unref();
  }

  /** Calls `listener` on every local notify (the NATS wake-up tells other nodes); returns the undo. */
  onLocal(listener: () => void): () => void {
    this.localListeners.add(listener);
    return () => this.localListeners.delete(listener);
  }

  /** Resolves on the next notify or after timeoutMs, whichever comes first. */
  wait(timeoutMs: number, signal?: AbortSignal, sinceVersion?: number): Promise<void> {
    if (sinceVersion !== undefined && sinceVersion !== this.version) return Promise.resolve();
    if (signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
