ALTER TABLE "index_counts" ADD COLUMN "finished_on_time_content" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "index_counts" ADD COLUMN "content_open_delta" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "index_counts" ADD COLUMN "content_late_open_delta" bigint DEFAULT 0 NOT NULL;