CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid,
	"parent_id" uuid,
	"path" text NOT NULL,
	"level" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_policies" (
	"id" text PRIMARY KEY NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"body" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_access" (
	"agency_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"sort_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossier_access_agency_id_dossier_id_pk" PRIMARY KEY("agency_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_code_counters" (
	"agency_code" text NOT NULL,
	"day" date NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "dossier_code_counters_agency_code_day_pk" PRIMARY KEY("agency_code","day")
);
--> statement-breakpoint
CREATE TABLE "dossier_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"component_code" text,
	"component_name" text,
	"file_sha256" text,
	"file_name" text,
	"mime" text,
	"size" integer,
	"digitised" boolean DEFAULT false NOT NULL,
	"reused" boolean DEFAULT false NOT NULL,
	"from_citizen_store" boolean DEFAULT false NOT NULL,
	"electronic_result" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_fees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"amount_vnd" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"agency_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attachments" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"procedure_id" uuid NOT NULL,
	"publication_id" uuid NOT NULL,
	"workflow_id" uuid,
	"receiving_agency_id" uuid NOT NULL,
	"handling_agency_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"applicant" jsonb NOT NULL,
	"applicant_id_number" text,
	"applicant_name_folded" text NOT NULL,
	"citizen_id" uuid,
	"limit" jsonb,
	"onestop_policy" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"clock_started_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"original_due_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"assignee_id" uuid,
	"apologies_sent" integer DEFAULT 0 NOT NULL,
	"supplement_requests" integer DEFAULT 0 NOT NULL,
	"has_electronic_result" boolean DEFAULT false NOT NULL,
	"paper_result" boolean DEFAULT false NOT NULL,
	"result_method" text,
	"fee_total" bigint DEFAULT 0 NOT NULL,
	"paid_total" bigint DEFAULT 0 NOT NULL,
	"eid_authenticated" boolean DEFAULT false NOT NULL,
	"tracking_secret" text NOT NULL,
	"synced_at" timestamp with time zone,
	"created_by" uuid,
	"idempotency_key" text,
	"request_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"method" text NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"reference" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_folded" text NOT NULL,
	"source" text NOT NULL,
	"structured" boolean NOT NULL,
	"field_name" text,
	"levels" text[] NOT NULL,
	"online_level" text NOT NULL,
	"ministry" text,
	"record" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"decision_no" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"current_workflow_id" uuid
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_user_id_agency_id_role_pk" PRIMARY KEY("user_id","agency_id","role")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "unit_merges" (
	"from_unit_id" uuid NOT NULL,
	"to_unit_id" uuid NOT NULL,
	"whole" boolean NOT NULL,
	"effective_from" date NOT NULL,
	CONSTRAINT "unit_merges_from_unit_id_to_unit_id_pk" PRIMARY KEY("from_unit_id","to_unit_id")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"kind" text,
	"parent_id" uuid,
	"valid_from" date,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"full_name" text NOT NULL,
	"email" text,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publication_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"channel" text NOT NULL,
	"legal_limit" jsonb,
	"steps" jsonb NOT NULL,
	"agency_order" text DEFAULT 'sequential' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_code_uq" ON "agencies" USING btree ("code");--> statement-breakpoint
CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "agencies_path_idx" ON "agencies" USING btree ("path");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_overrides_date_uq" ON "calendar_overrides" USING btree ("date");--> statement-breakpoint
CREATE INDEX "dossier_access_list_idx" ON "dossier_access" USING btree ("agency_id","sort_at","dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_access_dossier_idx" ON "dossier_access" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_documents_dossier_idx" ON "dossier_documents" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_fees_dossier_idx" ON "dossier_fees" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_history_dossier_seq_uq" ON "dossier_history" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE INDEX "dossier_history_at_idx" ON "dossier_history" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_idempotency_uq" ON "dossiers" USING btree ("created_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "dossiers_handling_state_due_idx" ON "dossiers" USING btree ("handling_agency_id","state","due_at","id");--> statement-breakpoint
CREATE INDEX "dossiers_assignee_idx" ON "dossiers" USING btree ("assignee_id","due_at","id");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_id_idx" ON "dossiers" USING btree ("applicant_id_number");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_name_idx" ON "dossiers" USING btree ("applicant_name_folded" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "dossiers_procedure_received_idx" ON "dossiers" USING btree ("procedure_id","received_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("processed_at","id");--> statement-breakpoint
CREATE INDEX "payments_dossier_idx" ON "payments" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_code_uq" ON "procedures" USING btree ("code");--> statement-breakpoint
CREATE INDEX "procedures_name_folded_idx" ON "procedures" USING btree ("name_folded" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "procedures_field_idx" ON "procedures" USING btree ("field_name","code");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_agency_procedure_uq" ON "publications" USING btree ("agency_id","procedure_id");--> statement-breakpoint
CREATE INDEX "publications_procedure_idx" ON "publications" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "role_assignments_agency_idx" ON "role_assignments" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "unit_merges_to_idx" ON "unit_merges" USING btree ("to_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_key_uq" ON "units" USING btree ("key");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id","name");--> statement-breakpoint
CREATE INDEX "units_code_idx" ON "units" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "workflows_publication_version_uq" ON "workflows" USING btree ("publication_id","version");