CREATE TABLE "feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"tracking_secret" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"origin_agency_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"procedure_code" text,
	"dossier_code" text,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"contact" jsonb NOT NULL,
	"citizen_id" uuid,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"policy_id" text,
	"classification" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone,
	"handle_due_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"deadlines" jsonb,
	"answer" text,
	"answered_at" timestamp with time zone,
	"publish_due_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"public_title" text,
	"public_content" text,
	"public_answer" text,
	"rating" text,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"feedback_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"agency_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_reference_uq" ON "feedback" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "feedback_agency_created_idx" ON "feedback" USING btree ("agency_id","created_at","id");--> statement-breakpoint
CREATE INDEX "feedback_agency_status_due_idx" ON "feedback" USING btree ("agency_id","status","due_at","id");--> statement-breakpoint
CREATE INDEX "feedback_agency_received_idx" ON "feedback" USING btree ("agency_id","received_at");--> statement-breakpoint
CREATE INDEX "feedback_published_idx" ON "feedback" USING btree ("published_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_history_feedback_seq_uq" ON "feedback_history" USING btree ("feedback_id","seq");--> statement-breakpoint
CREATE INDEX "feedback_history_agency_idx" ON "feedback_history" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "dossiers_receiving_received_idx" ON "dossiers" USING btree ("receiving_agency_id","received_at");--> statement-breakpoint
-- Hand-written: the feedback history is append-only, like the dossier history (0001).
CREATE TRIGGER feedback_history_append_only BEFORE UPDATE OR DELETE ON feedback_history
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER feedback_history_no_truncate BEFORE TRUNCATE ON feedback_history
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
