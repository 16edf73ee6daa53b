CREATE TABLE "postal_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"tracking_number" text NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"location" text,
	"received_at" timestamp with time zone NOT NULL,
	"raw" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "postal_events_tracking_idx" ON "postal_events" USING btree ("tracking_number");--> statement-breakpoint
CREATE UNIQUE INDEX "postal_events_notice_uq" ON "postal_events" USING btree ("tracking_number","status","at");--> statement-breakpoint
-- The operator's notices are kept as received: a correction is a new notice (motcua_refuse_change: 0001).
CREATE TRIGGER postal_events_append_only BEFORE UPDATE OR DELETE ON postal_events
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER postal_events_no_truncate BEFORE TRUNCATE ON postal_events
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
