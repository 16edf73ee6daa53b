/**
 * The HTTP core shared by both web apps: JSON in and out, the session cookie, and one error shape. Every
 * failure throws an `ApiError` with the API's stable code and its Vietnamese (`message`) and English
 * (`messageEn`) text; a network failure is `NETWORK` (status 0); an abort is rethrown as is.
 */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  messageEn: string;
  details?: Record<string, unknown>;
}

export function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e && 'messageEn' in e;
}

/** The text to show for a failure in `lang`: the API error's own message, else `fallback` (a generic message). */
export function errorText(e: unknown, lang: 'vi' | 'en', fallback: string): string {
  return isApiError(e) ? (lang === 'vi' ? e.message : e.messageEn) : fallback;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

function qs(query: Query | undefined): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function apiUrl(path: string, query?: Query): string {
  return `/api${path}${qs(query)}`;
}

export interface HttpOptions {
  query?: Query;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Called with the error before it is thrown (e.g. the staff console announces a 401). */
  onError?: (e: ApiError) => void;
}

export async function request<T>(method: string, path: string, opts: HttpOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal ?? null });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw {
      status: 0,
      code: 'NETWORK',
      message: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
      messageEn: 'Cannot reach the server. Check your connection and try again.',
    } satisfies ApiError;
  }
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    const err = (json as { error?: Partial<ApiError> } | null)?.error;
    const e: ApiError = {
      status: res.status,
      code: err?.code ?? `HTTP_${res.status}`,
      message: err?.message ?? `Lỗi máy chủ (${res.status}).`,
      messageEn: err?.messageEn ?? `Server error (${res.status}).`,
      ...(err?.details ? { details: err.details } : {}),
    };
    opts.onError?.(e);
    throw e;
  }
  return json as T;
}
