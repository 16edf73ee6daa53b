-- The calendar every process caches (holiday rules, official overrides) carries one version number, bumped in the
-- same transaction as any change to its tables, whoever makes it: a server, the CLI, or SQL. Each process re-reads
-- the number every few seconds (calendar.service) and reloads when it moved.
INSERT INTO "calendar_version" ("id", "version") VALUES (1, 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION motcua_calendar_bump() RETURNS trigger AS $$
BEGIN
  UPDATE "calendar_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER calendar_policies_version AFTER INSERT OR UPDATE OR DELETE ON calendar_policies
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_calendar_bump();
--> statement-breakpoint
CREATE TRIGGER calendar_overrides_version AFTER INSERT OR UPDATE OR DELETE ON calendar_overrides
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_calendar_bump();
