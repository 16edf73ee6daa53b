CREATE TABLE "document_files" (
	"document_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "document_files_document_id_version_no_pk" PRIMARY KEY("document_id","version_no")
);
--> statement-breakpoint
CREATE TABLE "document_history" (
	"document_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "document_history_document_id_seq_pk" PRIMARY KEY("document_id","seq")
);
--> statement-breakpoint
CREATE TABLE "document_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"recipient_name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_register_counters" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"direction" text NOT NULL,
	"last_no" integer NOT NULL,
	CONSTRAINT "document_register_counters_agency_id_year_direction_pk" PRIMARY KEY("agency_id","year","direction")
);
--> statement-breakpoint
CREATE TABLE "document_views" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"what" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"state" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"urgency" text NOT NULL,
	"confidentiality" text NOT NULL,
	"summary" text NOT NULL,
	"summary_folded" text NOT NULL,
	"number_symbol" text,
	"issued_on" text,
	"register_year" integer,
	"register_no" integer,
	"sender_name" text,
	"sender_name_folded" text,
	"sender_agency_id" uuid,
	"pages" integer,
	"unit_symbol" text,
	"handler_id" uuid,
	"co_handler_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reader_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"directed_by" uuid,
	"directed_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"sealed_at" timestamp with time zone,
	"source_document_id" uuid,
	"in_reply_to" uuid,
	"recipient_agency_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"work_file_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"retention_years" integer,
	"state" text NOT NULL,
	"version" integer NOT NULL,
	"owner_id" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "document_history_agency_at_idx" ON "document_history" USING btree ("agency_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "document_packages_token_uq" ON "document_packages" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "document_packages_document_idx" ON "document_packages" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_views_document_idx" ON "document_views" USING btree ("document_id","at");--> statement-breakpoint
CREATE INDEX "documents_queue_idx" ON "documents" USING btree ("agency_id","direction","state","due_at","id");--> statement-breakpoint
CREATE INDEX "documents_handler_idx" ON "documents" USING btree ("handler_id","state","due_at");--> statement-breakpoint
CREATE INDEX "documents_agency_created_idx" ON "documents" USING btree ("agency_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_register_uq" ON "documents" USING btree ("agency_id","direction","register_year","register_no");--> statement-breakpoint
CREATE INDEX "documents_number_idx" ON "documents" USING btree ("number_symbol");--> statement-breakpoint
CREATE INDEX "documents_source_idx" ON "documents" USING btree ("source_document_id");--> statement-breakpoint
CREATE INDEX "documents_work_file_idx" ON "documents" USING btree ("work_file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_files_agency_code_uq" ON "work_files" USING btree ("agency_id","code");--> statement-breakpoint
CREATE INDEX "work_files_agency_state_idx" ON "work_files" USING btree ("agency_id","state");--> statement-breakpoint
-- A document's history, its file versions and the view log of confidential documents are kept as written: a
-- correction is a new entry (motcua_refuse_change: 0001).
CREATE TRIGGER document_history_append_only BEFORE UPDATE OR DELETE ON document_history
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER document_history_no_truncate BEFORE TRUNCATE ON document_history
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER document_files_append_only BEFORE UPDATE OR DELETE ON document_files
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER document_files_no_truncate BEFORE TRUNCATE ON document_files
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER document_views_append_only BEFORE UPDATE OR DELETE ON document_views
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER document_views_no_truncate BEFORE TRUNCATE ON document_views
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
