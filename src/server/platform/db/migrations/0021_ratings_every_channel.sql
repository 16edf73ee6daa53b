ALTER TABLE "dossier_ratings" ALTER COLUMN "citizen_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD COLUMN "channel" text DEFAULT 'account' NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD COLUMN "officer_id" uuid;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "answer" text;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;