/// <reference types="node" />
/**
 * The HTTP core of both web apps against a real HTTP server on the loopback: JSON in and out, the query string,
 * and every failure as one ApiError with the API's stable code and its Vietnamese and English messages (the
 * server's own error body, platform/http/errors.ts `errorBody`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorMessage } from '../core/i18n/errors.ts';
import { AppError, errorBody } from '../server/platform/http/errors.ts';
import { apiUrl, errorText, isApiError, request, type ApiError } from './http.ts';

let server: http.Server;
let base: string;
let closedBase: string;
const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const url = new URL(req.url ?? '/', 'http://x');
      switch (url.pathname) {
        case '/api/echo':
          return send(res, 200, JSON.stringify({ method: req.method, query: Object.fromEntries(url.searchParams), body: body ? JSON.parse(body) : null }));
        case '/api/empty':
          res.writeHead(204);
          return res.end();
        case '/api/missing':
          return send(res, 404, JSON.stringify(errorBody(new AppError('DOSSIER_NOT_FOUND'))));
        case '/api/stale':
          return send(res, 409, JSON.stringify(errorBody(new AppError('VERSION_CONFLICT', { current: 7 }, { currentVersion: 7 }))));
        case '/api/gateway':
          return send(res, 502, '<html><body>Bad gateway</body></html>', 'text/html');
        case '/api/slow':
          return void setTimeout(() => send(res, 200, '{}'), 2_000);
        default:
          return send(res, 404, '');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port nothing listens on: a server opened and closed again.
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedBase = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((r) => probe.close(() => r()));
  // The browser resolves '/api/…' against the page; here against the test server.
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    const target = input.startsWith('/api/dead') ? closedBase : base;
    return realFetch(new URL(input, target), init);
  });
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await new Promise<void>((r) => server.close(() => r()));
});

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(isApiError(e)).toBe(true);
    return e as ApiError;
  }
  throw new Error('the request did not fail');
}

describe('apiUrl', () => {
  it('prefixes /api and leaves out empty query values', () => {
    expect(apiUrl('/dossiers')).toBe('/api/dossiers');
    expect(apiUrl('/dossiers', { view: 'mine', limit: 20, cursor: undefined, q: '', agencyId: null, all: false })).toBe('/api/dossiers?view=mine&limit=20&all=false');
    const url = apiUrl('/search', { q: 'đăng ký khai sinh & kết hôn' });
    expect(url).not.toContain(' ');
    expect(url).not.toContain('&k');
    expect(new URL(url, 'http://x').searchParams.get('q')).toBe('đăng ký khai sinh & kết hôn');
  });
});

describe('request', () => {
  it('sends JSON with its content type and reads the JSON answer; the query reaches the server', async () => {
    const r = await request<{ method: string; query: Record<string, string>; body: unknown }>('POST', '/echo', { query: { page: 2, q: 'Nguyễn Văn An' }, body: { action: 'forward', version: 3 } });
    expect(r).toEqual({ method: 'POST', query: { page: '2', q: 'Nguyễn Văn An' }, body: { action: 'forward', version: 3 } });
    const last = seen.at(-1)!;
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers.accept).toBe('application/json');
  });

  it('sends no body and no content type without a body; extra headers go through', async () => {
    await request('GET', '/echo', { headers: { 'idempotency-key': 'k-1' } });
    const last = seen.at(-1)!;
    expect(last.body).toBe('');
    expect(last.headers['content-type']).toBeUndefined();
    expect(last.headers['idempotency-key']).toBe('k-1');
  });

  it('a form is sent as multipart, with the boundary the runtime chooses', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 test')], { type: 'application/pdf' }), 'scan.pdf');
    // The test server has no such route: the answer is an empty 404, the request is what matters here.
    expect((await failure(request('POST', '/upload', { form }))).code).toBe('HTTP_404');
    const last = seen.at(-1)!;
    expect(last.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(last.body).toContain('filename="scan.pdf"');
  });

  it('an empty answer is null', async () => {
    expect(await request('DELETE', '/empty')).toBeNull();
  });

  it('an API error keeps its stable code, status, details and both catalogue messages', async () => {
    const e = await failure(request('GET', '/missing'));
    expect(e).toEqual({ status: 404, code: 'DOSSIER_NOT_FOUND', message: errorMessage('DOSSIER_NOT_FOUND', 'vi'), messageEn: errorMessage('DOSSIER_NOT_FOUND', 'en') });
    expect(e.message).toBe('Không tìm thấy hồ sơ.');
    const stale = await failure(request('POST', '/stale', { body: {} }));
    expect(stale.status).toBe(409);
    expect(stale.code).toBe('VERSION_CONFLICT');
    expect(stale.details).toEqual({ currentVersion: 7 });
    expect(stale.message).toBe(errorMessage('VERSION_CONFLICT', 'vi', { current: 7 }));
    expect(stale.message).toContain('7');
    expect(errorText(stale, 'vi', '—')).toBe(stale.message);
    expect(errorText(stale, 'en', '—')).toBe(errorMessage('VERSION_CONFLICT', 'en', { current: 7 }));
  });

  it('a failure without an API body (a proxy’s HTML page) becomes HTTP_<status> with a generic message in both languages', async () => {
    const e = await failure(request('GET', '/gateway'));
    expect(e).toEqual({ status: 502, code: 'HTTP_502', message: 'Lỗi máy chủ (502).', messageEn: 'Server error (502).' });
  });

  it('calls onError with the error before throwing it', async () => {
    const onError = vi.fn();
    const e = await failure(request('GET', '/missing', { onError }));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(e);
  });

  it('no server: NETWORK, status 0, with a Vietnamese message', async () => {
    const e = await failure(request('GET', '/dead'));
    expect(e.status).toBe(0);
    expect(e.code).toBe('NETWORK');
    expect(e.message).toBe('Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
    expect(errorText(e, 'en', '—')).toBe('Cannot reach the server. Check your connection and try again.');
  });

  it('an abort is rethrown as is, not as an API error', async () => {
    const ctl = new AbortController();
    const p = request('GET', '/slow', { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 50);
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe('AbortError');
    expect(isApiError(err)).toBe(false);
  });
});

describe('errorText', () => {
  it('anything that is not an API error shows the fallback', () => {
    expect(errorText(new Error('boom'), 'vi', 'Đã có lỗi xảy ra.')).toBe('Đã có lỗi xảy ra.');
    expect(errorText(null, 'en', 'Something went wrong.')).toBe('Something went wrong.');
  });
});
