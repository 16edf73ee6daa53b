CREATE TABLE "agency_accounts" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"bank_bin" text NOT NULL,
	"bank_name" text NOT NULL,
	"account_number" text NOT NULL,
	"account_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_files" (
	"citizen_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "citizen_files_citizen_id_sha256_pk" PRIMARY KEY("citizen_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "citizen_identities" (
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"citizen_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_identities_provider_subject_pk" PRIMARY KEY("provider","subject")
);
--> statement-breakpoint
CREATE TABLE "citizen_otps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "citizen_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact" text NOT NULL,
	"full_name" text DEFAULT '' NOT NULL,
	"id_number" text,
	"eid_verified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"rating" text NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"provider" text NOT NULL,
	"transaction_id" text NOT NULL,
	"reference" text NOT NULL,
	"dossier_id" uuid NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL,
	CONSTRAINT "payment_events_provider_transaction_id_pk" PRIMARY KEY("provider","transaction_id")
);
--> statement-breakpoint
CREATE TABLE "payment_intents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"dossier_id" uuid NOT NULL,
	"citizen_id" uuid,
	"amount_vnd" bigint NOT NULL,
	"payload" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sent_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"outbox_id" bigint,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "citizen_files_recent_idx" ON "citizen_files" USING btree ("citizen_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "citizen_identities_citizen_idx" ON "citizen_identities" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "citizen_otps_contact_idx" ON "citizen_otps" USING btree ("contact","created_at");--> statement-breakpoint
CREATE INDEX "citizen_sessions_citizen_idx" ON "citizen_sessions" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizens_contact_uq" ON "citizens" USING btree ("contact");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_ratings_dossier_uq" ON "dossier_ratings" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_ratings_agency_idx" ON "dossier_ratings" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "follow_ups_agency_status_idx" ON "follow_ups" USING btree ("agency_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_reference_uq" ON "payment_intents" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "payment_intents_dossier_idx" ON "payment_intents" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "sent_messages_to_idx" ON "sent_messages" USING btree ("to","id");--> statement-breakpoint
CREATE INDEX "dossiers_citizen_idx" ON "dossiers" USING btree ("citizen_id","created_at");--> statement-breakpoint
-- Hand-written: ratings and payment-provider notifications are append-only, like the history (0001).
CREATE TRIGGER dossier_ratings_append_only BEFORE UPDATE OR DELETE ON dossier_ratings
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payment_events_append_only BEFORE UPDATE OR DELETE ON payment_events
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
