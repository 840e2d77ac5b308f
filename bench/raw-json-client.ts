// A load generator's request/response client for flows whose requests depend on earlier replies
// (checkout: the cart id comes back from the first request): HTTP/1.1 written as one string on
// kept-alive sockets, one request in flight per socket, the reply read by its status line and
// content-length and its JSON body parsed. node:http's client (agent, header objects, parser,
// streams per request) cost the checkout bench ~1 ms of CPU per order of six requests.
import { connect, type Socket } from 'node:net';
import type { JsonReply } from './harness.js';
import { contentLength, HEADER_END } from './raw-http-load.js';

interface InFlight {
  resolve(reply: JsonReply): void;
  reject(err: Error): void;
}

interface Connection {
  socket: Socket;
  inFlight: InFlight | undefined;
  pending: Buffer | undefined;
}

const HAS_CONTENT_LENGTH = /\r\ncontent-length:/i;

export function rawJsonClient(baseUrl: string, sockets: number) {
  const url = new URL(baseUrl);
  const hostLine = `host: ${url.host}\r\n`;
  const idle: Connection[] = [];
  const waiting: Array<(c: Connection) => void> = [];
  const open = new Set<Connection>();
  let closed = false;

  /** The reply in c.pending once whole: settles the request and frees the socket. */
  const onData = (c: Connection, chunk: Buffer) => {
    const buf = c.pending ? Buffer.concat([c.pending, chunk]) : chunk;
    c.pending = buf;
    const headEnd = buf.indexOf(HEADER_END);
    if (headEnd < 0) return;
    if (!HAS_CONTENT_LENGTH.test(buf.toString('latin1', 0, headEnd + 2))) {
      fail(c, new Error('a reply without content-length (chunked replies are not read here)'));
      return;
    }
    const end = headEnd + 4 + contentLength(buf, headEnd);
    if (buf.length < end) return;
    c.pending = undefined;
    const request = c.inFlight;
    c.inFlight = undefined;
    if (!request) return;
    const status = (buf[9]! - 48) * 100 + (buf[10]! - 48) * 10 + (buf[11]! - 48);
    let body: unknown;
    try {
      body = end > headEnd + 4 ? JSON.parse(buf.toString('utf8', headEnd + 4, end)) : undefined;
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
    const c: Connection = { socket, inFlight: undefined, pending: undefined };
    socket.on('data', (chunk: Buffer) => onData(c, chunk));
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
