CREATE TABLE "inspection_document_counters" (
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "inspection_document_counters_year_kind_pk" PRIMARY KEY("year","kind")
);
--> statement-breakpoint
CREATE TABLE "inspection_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"number" integer,
	"symbol" text,
	"body" jsonb NOT NULL,
	"pdf_sha256" text,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "inspection_item_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"visit_id" uuid,
	"item_code" text,
	"client_change_id" uuid,
	"actor_id" uuid,
	"action" text NOT NULL,
	"from" jsonb,
	"to" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"result" text,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspection_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"client_photo_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"taken_at" timestamp with time zone,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plan_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"scheduled_on" text,
	"surprise" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"period_from" text,
	"period_to" text,
	"started_at" timestamp with time zone,
	"started_by" uuid,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"template_id" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspection_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_documents_uq" ON "inspection_documents" USING btree ("visit_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_item_history_change_uq" ON "inspection_item_history" USING btree ("visit_id","client_change_id");--> statement-breakpoint
CREATE INDEX "inspection_item_history_visit_idx" ON "inspection_item_history" USING btree ("visit_id","id");--> statement-breakpoint
CREATE INDEX "inspection_item_history_plan_idx" ON "inspection_item_history" USING btree ("plan_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_items_uq" ON "inspection_items" USING btree ("visit_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_photos_uq" ON "inspection_photos" USING btree ("visit_id","client_photo_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_plan_visits_uq" ON "inspection_plan_visits" USING btree ("plan_id","agency_id");--> statement-breakpoint
CREATE INDEX "inspection_plan_visits_agency_idx" ON "inspection_plan_visits" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "inspection_plans_year_idx" ON "inspection_plans" USING btree ("year");--> statement-breakpoint
CREATE INDEX "inspection_plans_owner_idx" ON "inspection_plans" USING btree ("owner_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_team_members_uq" ON "inspection_team_members" USING btree ("plan_id","user_id");--> statement-breakpoint
CREATE INDEX "inspection_team_members_user_idx" ON "inspection_team_members" USING btree ("user_id");