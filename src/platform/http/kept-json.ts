// JSON answers kept in memory and sent many times (the channel views): encoded to bytes once, and
// compressed once, at the first request that accepts gzip. A warm answer then costs no serializing,
// no UTF-8 encoding and no compressing, and a browser gets a fraction of the bytes.
import { gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Below this many bytes compressing saves less than its headers and CPU cost. */
const COMPRESS_FROM_BYTES = 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

export class KeptJson {
  private gzipped: Buffer | undefined;

  private constructor(readonly bytes: Buffer) {}

  static of(text: string): KeptJson {
    return new KeptJson(Buffer.from(text, 'utf8'));
  }

  /** What it may hold, for a cache bounded by size: its bytes and room for the compressed copy. */
  get cacheSize(): number {
    return this.bytes.length + (this.bytes.length >> 2);
  }

  /** The gzip copy, made at the first call. */
  gzip(): Buffer {
    this.gzipped ??= gzipSync(this.bytes);
    return this.gzipped;
  }
}

/** Sends a kept answer, gzip-compressed when the request accepts it and it is worth it. */
export function sendKeptJson(request: FastifyRequest, reply: FastifyReply, kept: KeptJson): FastifyReply {
  reply.type(JSON_TYPE).header('vary', 'accept-encoding');
  const accepts = request.headers['accept-encoding'];
  if (
    kept.bytes.length >= COMPRESS_FROM_BYTES &&
    typeof accepts === 'string' &&
    // Content codings are case-insensitive (RFC 9110); the negotiator compares exactly.
    negotiate(accepts.toLowerCase(), ['gzip']) === 'gzip'
  ) {
    return reply.header('content-encoding', 'gzip').send(kept.gzip());
  }
  return reply.send(kept.bytes);
}
