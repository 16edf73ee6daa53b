/**
 * Text no database column can hold faithfully: the NUL character (PostgreSQL refuses it in text and jsonb) and a
 * lone UTF-16 surrogate (not a character at all; replaced silently in text, refused in jsonb). Requests carrying
 * either are refused at the edge naming the field, rather than failing deep down or being altered on the way in.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isUnsafeText(s: string): boolean {
  return UNSAFE.test(s);
}

/** The path ("applicant.fullName", "documents[2].name", a key itself) of the first unsafe string in a value. */
export function findUnsafeText(value: unknown, path = '', depth = 0): string | null {
  if (depth > 64) return null;
  if (typeof value === 'string') return isUnsafeText(value) ? path || '(body)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findUnsafeText(value[i], `${path}[${i}]`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const [k, v] of Object.entries(value)) {
      const here = path ? `${path}.${k}` : k;
      if (isUnsafeText(k)) return here;
      const p = findUnsafeText(v, here, depth + 1);
      if (p) return p;
    }
  }
  return null;
}
