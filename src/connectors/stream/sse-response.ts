// Turns a Fastify reply into an open text/event-stream response (headers flushed, Nagle off).
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function openSseResponse(reply: FastifyReply, request: FastifyRequest): ServerResponse {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  res.flushHeaders();
  request.raw.socket.setNoDelay(true);
  return res;
}
