CREATE TABLE "par_appraisers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid,
	"area_code" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_unit_id" uuid NOT NULL,
	"node_code" text NOT NULL,
	"self_points" integer,
	"self_answer" jsonb,
	"explanation" text,
	"auto_figure" jsonb,
	"unit_comment" text,
	"appraised_points" integer,
	"appraisal" text,
	"appraiser_note" text,
	"appraised_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "par_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_unit_id" uuid NOT NULL,
	"node_code" text NOT NULL,
	"cycle" integer NOT NULL,
	"kind" text NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_unit_id" uuid NOT NULL,
	"node_code" text NOT NULL,
	"file_sha256" text,
	"file_name" text NOT NULL,
	"document_ref" jsonb,
	"page_note" text NOT NULL,
	"effective_date" text,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "par_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"agency_id" uuid,
	"node_code" text,
	"actor_id" uuid,
	"action" text NOT NULL,
	"from" jsonb,
	"to" jsonb,
	"reason" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" uuid NOT NULL,
	"code" text NOT NULL,
	"parent_code" text,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"max" integer NOT NULL,
	"method" jsonb,
	"evidence" text,
	"evidence_required" boolean,
	"applies_to" jsonb,
	"guidance" text
);
--> statement-breakpoint
CREATE TABLE "par_round_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"grace_until" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" uuid NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"survey_run" boolean DEFAULT true NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"self_deadline" text NOT NULL,
	"appraisal_deadline" text NOT NULL,
	"cycle" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"finalised_at" timestamp with time zone,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "par_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"unit_type" text NOT NULL,
	"title" jsonb NOT NULL,
	"bands" jsonb NOT NULL,
	"answer_weights" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_survey_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"node_code" text NOT NULL,
	"points" integer NOT NULL,
	"counts" jsonb,
	"entered_by" uuid,
	"entered_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "par_appraisers_round_user_idx" ON "par_appraisers" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "par_assessments_uq" ON "par_assessments" USING btree ("round_unit_id","node_code");--> statement-breakpoint
CREATE INDEX "par_comments_unit_idx" ON "par_comments" USING btree ("round_unit_id","node_code");--> statement-breakpoint
CREATE UNIQUE INDEX "par_comments_one_answer_uq" ON "par_comments" USING btree ("round_unit_id","node_code","cycle") WHERE kind = 'answer';--> statement-breakpoint
CREATE INDEX "par_evidence_unit_node_idx" ON "par_evidence" USING btree ("round_unit_id","node_code");--> statement-breakpoint
CREATE INDEX "par_history_round_idx" ON "par_history" USING btree ("round_id","agency_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "par_nodes_set_code_uq" ON "par_nodes" USING btree ("set_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "par_round_units_uq" ON "par_round_units" USING btree ("round_id","agency_id");--> statement-breakpoint
CREATE INDEX "par_round_units_agency_idx" ON "par_round_units" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "par_sets_code_year_uq" ON "par_sets" USING btree ("code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "par_survey_results_uq" ON "par_survey_results" USING btree ("round_id","agency_id","node_code");