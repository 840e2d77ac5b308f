// A load generator's request/response client for flows whose requests depend on earlier replies
// (checkout: the cart id comes back from the first request): HTTP/1.1 written as one string on
// kept-alive sockets, one request in flight per socket, the reply read by raw-http-load's reader and
// its JSON body parsed. node:http's client (agent, header objects, parser,
// streams per request) cost the checkout bench ~1 ms of CPU per order of six requests.
import { connect, type Socket } from 'node:net';
import type { JsonReply } from './harness.js';
import { replyReader } from './raw-http-load.js';

interface InFlight {
  resolve(reply: JsonReply): void;
  reject(err: Error): void;
}

interface Connection {
  socket: Socket;
  inFlight: InFlight | undefined;
}

export function rawJsonClient(baseUrl: string, sockets: number) {
  const url = new URL(baseUrl);
  const hostLine = `host: ${url.host}\r\n`;
  const idle: Connection[] = [];
  const waiting: Array<(c: Connection) => void> = [];
  const open = new Set<Connection>();
  let closed = false;

  /** Settles the request in flight with its reply and frees the socket. */
  const settle = (c: Connection, status: number, text: string) => {
    const request = c.inFlight;
    c.inFlight = undefined;
    if (!request) return;
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch (err) {
      request.reject(err as Error);
      release(c);
      return;
    }
    release(c);
    request.resolve({ status, body });
  };

  const fail = (c: Connection, err: Error) => {
    open.delete(c);
    const i = idle.indexOf(c);
    if (i >= 0) idle.splice(i, 1);
    c.socket.destroy();
    const request = c.inFlight;
    c.inFlight = undefined;
    request?.reject(err);
    // A caller waiting for a socket gets a new one in its place.
    const next = closed ? undefined : waiting.shift();
    if (next) next(connection());
  };

  const connection = (): Connection => {
    const socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    const c: Connection = { socket, inFlight: undefined };
    socket.on(
      'data',
      replyReader(
        (status, _bytes, body) => settle(c, status, body()),
        (reason) => fail(c, new Error(reason)),
      ),
    );
    socket.on('error', (err) => fail(c, err));
    socket.on('close', () => fail(c, new Error('the hub closed the connection')));
    open.add(c);
    return c;
  };

  const acquire = (): Connection | Promise<Connection> => {
    const c = idle.pop();
    if (c) return c;
    if (open.size < sockets) return connection();
    return new Promise((resolve) => waiting.push(resolve));
  };

  const release = (c: Connection) => {
    if (!open.has(c)) return;
    const next = waiting.shift();
    if (next) next(c);
    else idle.push(c);
  };

  const call = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonReply<T>> => {
    if (closed) throw new Error('the client is closed');
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    let head = `${method} ${path} HTTP/1.1\r\n${hostLine}`;
    for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
    if (text !== undefined)
      head += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\n`;
    const c = await acquire();
    return new Promise<JsonReply<T>>((resolve, reject) => {
      c.inFlight = { resolve, reject };
      c.socket.write(`${head}\r\n${text ?? ''}`);
    });
  };

  return {
    call,
    close() {
      closed = true;
      for (const c of [...open]) {
        open.delete(c);
        c.socket.destroy();
      }
    },
  };
}
