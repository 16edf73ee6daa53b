/**
 * Notifications through the outbox: a message is written to `outbox` (topic `notification.send`) in the same
 * transaction as the change that causes it; the dispatcher delivers pending messages to the adapters that
 * serve their channel and marks them processed. `dispatchPending()` runs right after a request that queued a
 * message (so a one-time code goes out at once) and on a timer (`start()`), which picks up failed deliveries.
 */
import type { AppContext } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import * as repo from './notifications.repository.ts';
import { MailCatcherAdapter, SmtpAdapter, type MessageAdapter, type OutgoingMessage } from './adapters.ts';

export const NOTIFICATION_TOPIC = 'notification.send';

export class NotificationsService {
  readonly adapters: MessageAdapter[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly ctx: AppContext) {
    if (ctx.config.mailCatcher) this.adapters.push(new MailCatcherAdapter(ctx.db));
    if (ctx.config.smtpUrl) this.adapters.push(new SmtpAdapter(ctx.config.smtpUrl, ctx.config.mailFrom));
  }

  /** Queues a message inside the caller's transaction. */
  async enqueue(tx: DbOrTx, msg: OutgoingMessage): Promise<void> {
    await repo.enqueue(tx, NOTIFICATION_TOPIC, msg as unknown as Record<string, unknown>, this.ctx.now());
  }

  /** Delivers pending notification messages; returns how many were delivered. One run at a time per process. */
  dispatchPending(limit = 50): Promise<number> {
    this.running ??= this.run(limit).finally(() => (this.running = null));
    return this.running;
  }

  private async run(limit: number): Promise<number> {
    const pending = await repo.pending(this.ctx.db, NOTIFICATION_TOPIC, limit);
    let delivered = 0;
    for (const row of pending) {
      // Claim the row first, so two processes never deliver it twice; a failed delivery is released again.
      if (!(await repo.claim(this.ctx.db, row.id, this.ctx.now()))) continue;
      const msg = row.payload as OutgoingMessage;
      try {
        const targets = this.adapters.filter((a) => a.channels.includes(msg.channel));
        for (const a of targets) await a.send(msg, { outboxId: row.id, at: this.ctx.now() });
        delivered++;
      } catch (err) {
        await repo.release(this.ctx.db, row.id);
        if (this.ctx.config.logLevel !== 'silent') console.error(`notification ${row.id} not delivered:`, (err as Error).message);
      }
    }
    return delivered;
  }

  /** Best effort right after a request: errors are logged, never surfaced to the caller. */
  async kick(): Promise<void> {
    try {
      await this.dispatchPending();
    } catch (err) {
      if (this.ctx.config.logLevel !== 'silent') console.error('notification dispatch failed:', (err as Error).message);
    }
  }

  start(intervalMs = 5000): void {
    this.timer ??= setInterval(() => void this.kick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The mail catcher's messages, newest first. */
  async caught(to: string | undefined, limit: number) {
    const rows = await repo.sentTo(this.ctx.db, to, limit);
    return rows.map((r) => ({ id: r.id, channel: r.channel, to: r.to, subject: r.subject, body: r.body, at: r.at.toISOString() }));
  }
}
