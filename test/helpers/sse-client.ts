// A minimal Server-Sent Events client over fetch for tests and benches: parses frames as they come.
export interface SseFrame {
  id?: string;
  event?: string;
  data: string;
}

export interface SseClient {
  status: number;
  frames: SseFrame[];
  /** Called for each frame as it arrives. */
  onFrame?: (f: SseFrame) => void;
  waitFor(predicate: (frames: SseFrame[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Settles when the stream ends (closed by either side or cut). */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const client: SseClient = {
    status: res.status,
    frames: [],
    async waitFor(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(client.frames)) {
        if (Date.now() > deadline)
          throw new Error(`sse: condition not met; got ${client.frames.length} frames`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => abort.abort(),
    ended: Promise.resolve(),
  };
  if (res.status !== 200 || !res.body) return client;
  client.ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let idx = buffer.indexOf('\n\n');
      while (idx >= 0) {
        const block = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        idx = buffer.indexOf('\n\n');
        const frame: SseFrame = { data: '' };
        let hasData = false;
        for (const line of block.split('\n')) {
          if (line.startsWith('id: ')) frame.id = line.slice(4);
          else if (line.startsWith('event: ')) frame.event = line.slice(7);
          else if (line.startsWith('data: ')) {
            frame.data += line.slice(6);
            hasData = true;
          }
        }
        if (hasData) {
          client.frames.push(frame);
          client.onFrame?.(frame);
        }
      }
    }
  })().catch(() => {});
  return client;
}
