-- A version of the basic-salary tables, so a process may keep them in memory and check one
-- number per read instead of loading every table with its rows (the KGB guards run on every
-- queue page). Any statement writing gaji_pokok_table or gaji_pokok_row takes a new value from
-- a sequence: a value is never reused, even when its transaction rolls back.
CREATE SEQUENCE "gaji_pokok_version_seq";

CREATE TABLE "gaji_pokok_version" (
    "id" INTEGER NOT NULL DEFAULT 1 CHECK ("id" = 1),
    "version" BIGINT NOT NULL,
    CONSTRAINT "gaji_pokok_version_pkey" PRIMARY KEY ("id")
);

INSERT INTO "gaji_pokok_version" ("id", "version") VALUES (1, nextval('gaji_pokok_version_seq'));

CREATE FUNCTION "gaji_pokok_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "gaji_pokok_version" SET "version" = nextval('gaji_pokok_version_seq') WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "gaji_pokok_table_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "gaji_pokok_table"
  FOR EACH STATEMENT EXECUTE FUNCTION "gaji_pokok_version_bump"();
CREATE TRIGGER "gaji_pokok_row_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "gaji_pokok_row"
  FOR EACH STATEMENT EXECUTE FUNCTION "gaji_pokok_version_bump"();
