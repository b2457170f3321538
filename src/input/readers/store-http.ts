/**
 * One POST to a metrics store over node:http(s), its answer's body read as it arrives. Not
 * `fetch`: Node's fetch cannot trust a CA of the scenario's own without a dispatcher from the
 * undici package, and it refuses credentials in the address, which node:http sends as basic
 * authentication (a Prometheus behind `basic_auth_users`).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface StoreAnswer {
  status: number;
  header(name: string): string | null;
  /** The body, decompressed, as it arrives. */
  body: AsyncIterable<Uint8Array>;
}

export type StorePost = (
  url: string,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
) => Promise<StoreAnswer>;

/** The store's transport; `ca` (PEM) is trusted besides Node's own roots. */
export function httpPost(ca?: string): StorePost {
  const trusted = ca === undefined ? undefined : [...rootCertificates, ca];
  return (url, body, headers, signal) =>
    new Promise((resolve, reject) => {
      const u = new URL(url);
      const https = u.protocol === 'https:';
      const req = (https ? httpsRequest : httpRequest)(
        u,
        {
          method: 'POST',
          // A store compresses an answer of many points a tenth of its size.
          headers: { ...headers, 'accept-encoding': 'gzip', 'content-length': String(Buffer.byteLength(body)) },
          signal,
          ...(https && trusted !== undefined && { ca: trusted }),
        },
        (res) => resolve(answerOf(res)),
      );
      req.once('error', reject);
      req.end(body);
    });
}

function answerOf(res: IncomingMessage): StoreAnswer {
  const gzip = /\bgzip\b/i.test(String(res.headers['content-encoding'] ?? ''));
  return {
    status: res.statusCode ?? 0,
    header: (name) => {
      const v = res.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
    // A failure of the connection mid-answer fails the gunzip stream with it (the error is
    // thrown where the body is read).
    body: gzip ? pipeline(res, createGunzip(), () => {}) : res,
  };
}

/** A `fetch` as the transport: how unit tests play a store. */
export function postWithFetch(f: typeof fetch): StorePost {
  return async (url, body, headers, signal) => {
    const r = await f(url, { method: 'POST', body, headers, signal });
    return {
      status: r.status,
      header: (name) => r.headers.get(name),
      body: (r.body ?? []) as AsyncIterable<Uint8Array>,
    };
  };
}
