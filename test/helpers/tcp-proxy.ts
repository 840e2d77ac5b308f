// A TCP proxy in front of PostgreSQL that a test can cut and restore, to play a network outage.
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Stops accepting and drops every open connection. */
  cut(): void;
  restore(): Promise<void>;
  /** Drops every connection the moment a client sends bytes containing `text` (e.g. a BEGIN). */
  cutWhenClientSends(text: string): void;
  close(): Promise<void>;
}

export function startTcpProxy(target: URL): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server;
  let port = 0;
  let trigger: string | null = null;
  const dropAll = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
        sockets.add(client).add(upstream);
        client.on('data', (chunk: Buffer) => {
          if (trigger && chunk.toString('latin1').includes(trigger)) {
            trigger = null;
            dropAll();
            return;
          }
          upstream.write(chunk);
        });
        upstream.pipe(client);
        const end = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', end).on('close', end);
        upstream.on('error', end).on('close', end);
      });
      server.listen(port, '127.0.0.1', () => {
        const a = server.address();
        port = typeof a === 'object' && a ? a.port : 0;
        resolve();
      });
    });
  return listen().then(() => ({
    port,
    cut() {
      server.close();
      dropAll();
    },
    restore: listen,
    cutWhenClientSends(text) {
      trigger = text;
    },
    async close() {
      dropAll();
      await new Promise((r) => server.close(r));
    },
  }));
}

/** The same database URL, reached through the proxy. */
export function viaProxy(databaseUrl: string, proxy: TcpProxy): string {
  const u = new URL(databaseUrl);
  u.hostname = '127.0.0.1';
  u.port = String(proxy.port);
  return u.toString();
}
