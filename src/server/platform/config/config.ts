import path from 'node:path';
import { z } from 'zod';

/** Configuration, from environment variables only (see README "Configuration"). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  MAX_UPLOAD_MB: z.coerce.number().positive().default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_BASE_URL: z.string().url().optional(),
  NODE_ENV: z.string().optional(),
  SMTP_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().default('motcua <no-reply@motcua.local>'),
  MAIL_CATCHER: z.enum(['0', '1']).optional(),
  PAYMENT_WEBHOOK_SECRET: z.string().min(16).optional().or(z.literal('').transform(() => undefined)),
  POSTAL_WEBHOOK_SECRET: z.string().min(16).optional().or(z.literal('').transform(() => undefined)),
  SIGNING_TSA_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  RESULT_SIGNATURE: z.enum(['required', 'if-available']).default('if-available'),
  SIGNING_TRUSTED_CAS: z.string().optional(),
  SIGNING_VERIFY_MAX_MB: z.coerce.number().positive().default(10),
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  sessionTtlHours: number;
  maxUploadBytes: number;
  logLevel: string;
  publicBaseUrl: string | null;
  /** smtp://user:pass@host:port or smtps://…; null: no SMTP delivery. */
  smtpUrl: string | null;
  mailFrom: string;
  /**
   * The local mail catcher (sent_messages + GET /api/dev/messages, which shows every one-time code without signing
   * in): on only with MAIL_CATCHER=1 or when the demo is asked for (`serve --demo`, `npm start`) — never by default.
   */
  mailCatcher: boolean;
  /** HMAC-SHA256 key of the payment provider's webhook; null: the webhook refuses every call. */
  paymentWebhookSecret: string | null;
  /** HMAC-SHA256 key of the postal operator's parcel notices; null: they are refused (results sent by post show no status). */
  postalWebhookSecret: string | null;
  /**
   * An electronic result of a one-stop dossier is signed with the handling agency's seal before the citizen gets it.
   * `required`: a result that cannot be signed (no seal signer for the agency, not a PDF) is refused; `if-available`:
   * it is sent unsigned and shown as such (the demo and tests; production must say `required`).
   */
  resultSignature: 'required' | 'if-available';
  /** RFC 3161 timestamp authority for signatures (PAdES B-T); null: signatures without a timestamp (B-B). */
  signingTsaUrl: string | null;
  /** PEM files of the CAs whose certificates verification trusts (besides the demo CA in DATA_DIR/pki). */
  signingTrustedCaFiles: string[];
  /** Largest PDF the public verification page accepts. */
  signingVerifyMaxBytes: number;
}

/** What `loadConfig` is told besides the environment: whether the demo was asked for (`serve --demo`). */
export interface ConfigOptions {
  demo?: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, opts: ConfigOptions = {}): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    logLevel: e.LOG_LEVEL,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? null,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    mailCatcher: e.MAIL_CATCHER === '1' || (e.MAIL_CATCHER !== '0' && opts.demo === true),
    paymentWebhookSecret: e.PAYMENT_WEBHOOK_SECRET ?? null,
    postalWebhookSecret: e.POSTAL_WEBHOOK_SECRET ?? null,
    signingTsaUrl: e.SIGNING_TSA_URL ?? null,
    resultSignature: e.RESULT_SIGNATURE,
    signingTrustedCaFiles: (e.SIGNING_TRUSTED_CAS ?? '').split(',').map((f) => f.trim()).filter(Boolean).map((f) => path.resolve(f)),
    signingVerifyMaxBytes: Math.round(e.SIGNING_VERIFY_MAX_MB * 1024 * 1024),
  };
}

/** One missing or unsafe production setting: the variable and why it is needed (English; the operator reads logs). */
export interface ConfigProblem {
  variable: string;
  reason: string;
}

/**
 * The settings a production start (NODE_ENV=production) cannot do without. `serve` refuses to start and names each
 * one, rather than running with one-time codes nobody receives or QR codes pointing at 127.0.0.1.
 */
export function productionProblems(config: AppConfig, env: NodeJS.ProcessEnv = process.env, opts: ConfigOptions = {}): ConfigProblem[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: ConfigProblem[] = [];
  if (!config.databaseUrl) problems.push({ variable: 'DATABASE_URL', reason: 'production runs on PostgreSQL (the embedded PGlite does not fsync)' });
  if (!config.publicBaseUrl) problems.push({ variable: 'PUBLIC_BASE_URL', reason: 'links and QR codes on slips must point at the public address, not 127.0.0.1' });
  else if (/^https?:\/\/(127\.|localhost|\[::1\])/i.test(config.publicBaseUrl)) problems.push({ variable: 'PUBLIC_BASE_URL', reason: `${config.publicBaseUrl} is a loopback address` });
  if (!config.smtpUrl) problems.push({ variable: 'SMTP_URL', reason: 'one-time sign-in codes and notices must be delivered by mail' });
  if (!config.paymentWebhookSecret) problems.push({ variable: 'PAYMENT_WEBHOOK_SECRET', reason: "the payment provider's notices cannot be authenticated without it (16+ characters)" });
  if (config.resultSignature !== 'required') problems.push({ variable: 'RESULT_SIGNATURE', reason: "an electronic result is valid only with the agency's digital signature: set RESULT_SIGNATURE=required (and a seal signer per agency)" });
  if (config.mailCatcher) problems.push({ variable: 'MAIL_CATCHER', reason: 'the mail catcher shows every one-time code without signing in; unset it (or 0) in production' });
  if (opts.demo) problems.push({ variable: '--demo', reason: 'the demo data has published passwords; do not load it in production' });
  return problems;
}

/** The message `serve` stops with when `productionProblems` is not empty. */
export function formatConfigProblems(problems: ConfigProblem[]): string {
  return ['motcua will not start in production without these settings (see README "Configuration"):', ...problems.map((p) => `  - ${p.variable}: ${p.reason}`)].join('\n');
}

/**
 * The one builder of public links (slips' QR codes, notices, the rating short link): PUBLIC_BASE_URL, else this
 * server on loopback (development), joined with `path` without doubled slashes.
 */
export function publicLink(config: Pick<AppConfig, 'publicBaseUrl' | 'port'>, path: string): string {
  const base = (config.publicBaseUrl ?? `http://127.0.0.1:${config.port}`).replace(/\/+$/, '');
  return `${base}/${path.replace(/^\/+/, '')}`;
}

/** The short rating link printed on the receipt and the result slip: PUBLIC_BASE_URL/danh-gia/<code>. */
export function ratingLink(config: Pick<AppConfig, 'publicBaseUrl' | 'port'>, code: string): string {
  return publicLink(config, `danh-gia/${encodeURIComponent(code)}`);
}

/** The public tracking page with the code and second factor filled in. */
export function trackingLink(config: Pick<AppConfig, 'publicBaseUrl' | 'port'>, code: string, secret: string): string {
  return publicLink(config, `dich-vu-cong/tra-cuu?code=${encodeURIComponent(code)}&secret=${encodeURIComponent(secret)}`);
}
