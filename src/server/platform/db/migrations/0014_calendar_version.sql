CREATE TABLE "calendar_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
