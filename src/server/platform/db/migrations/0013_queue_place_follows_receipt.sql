-- A dossier's place in the "all" queue and in the register follows its receipt (dossiers.repository queueSortAt):
-- online submissions received before this change kept their submission time. Move them.
UPDATE "dossier_access" AS da
SET "sort_at" = coalesce(d."received_at", d."submitted_at", d."created_at")
FROM "dossiers" AS d
WHERE d."id" = da."dossier_id"
  AND da."sort_at" IS DISTINCT FROM coalesce(d."received_at", d."submitted_at", d."created_at");
