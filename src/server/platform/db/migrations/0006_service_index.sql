CREATE TABLE "index_counts" (
	"agency_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"procedure_id" uuid NOT NULL,
	"received" bigint DEFAULT 0 NOT NULL,
	"online" bigint DEFAULT 0 NOT NULL,
	"online_compliant" bigint DEFAULT 0 NOT NULL,
	"synced" bigint DEFAULT 0 NOT NULL,
	"digitised" bigint DEFAULT 0 NOT NULL,
	"reused" bigint DEFAULT 0 NOT NULL,
	"citizen_store" bigint DEFAULT 0 NOT NULL,
	"eid" bigint DEFAULT 0 NOT NULL,
	"fee_bearing" bigint DEFAULT 0 NOT NULL,
	"paid_online" bigint DEFAULT 0 NOT NULL,
	"dissatisfied" bigint DEFAULT 0 NOT NULL,
	"finished" bigint DEFAULT 0 NOT NULL,
	"finished_on_time" bigint DEFAULT 0 NOT NULL,
	"finished_electronic" bigint DEFAULT 0 NOT NULL,
	"processing_seconds" bigint DEFAULT 0 NOT NULL,
	"open_delta" bigint DEFAULT 0 NOT NULL,
	"late_open_delta" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "index_counts_agency_id_grain_bucket_procedure_id_pk" PRIMARY KEY("agency_id","grain","bucket","procedure_id")
);
--> statement-breakpoint
CREATE TABLE "index_dossier_facts" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"counted" boolean NOT NULL,
	"received_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"late_at" timestamp with time zone,
	"late_reason" text,
	"supplement_requests" integer NOT NULL,
	"processing_seconds" bigint NOT NULL,
	"online" boolean NOT NULL,
	"online_compliant" boolean NOT NULL,
	"synced" boolean NOT NULL,
	"digitised" boolean NOT NULL,
	"reused" boolean NOT NULL,
	"citizen_store" boolean NOT NULL,
	"eid" boolean NOT NULL,
	"fee_bearing" boolean NOT NULL,
	"paid_online" boolean NOT NULL,
	"electronic_result" boolean NOT NULL,
	"dissatisfied" boolean NOT NULL,
	"rules_version" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "index_reconciliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"period_kind" text NOT NULL,
	"profile_id" text NOT NULL,
	"metrics" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"figures" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "scoring_profiles" (
	"id" text PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "index_facts_agency_proc_received_idx" ON "index_dossier_facts" USING btree ("agency_id","procedure_id","received_at");--> statement-breakpoint
CREATE INDEX "index_facts_agency_proc_finished_idx" ON "index_dossier_facts" USING btree ("agency_id","procedure_id","finished_at");--> statement-breakpoint
CREATE INDEX "index_reconciliations_agency_period_idx" ON "index_reconciliations" USING btree ("agency_id","period_from","period_to","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_reports_agency_period_uq" ON "reform_reports" USING btree ("agency_id","year","kind");--> statement-breakpoint
CREATE INDEX "feedback_dossier_code_idx" ON "feedback" USING btree ("dossier_code");--> statement-breakpoint
-- Hand-written: imported national-portal counts and added scoring profiles are never rewritten (a correction is a
-- new import / a new profile id).
CREATE TRIGGER index_reconciliations_append_only BEFORE UPDATE OR DELETE ON index_reconciliations
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER scoring_profiles_append_only BEFORE UPDATE OR DELETE ON scoring_profiles
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
