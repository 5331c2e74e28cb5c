-- The KP and pension summaries and the leave permits were signed by "-" (NIP -) until a BKD admin
-- set their signers: where a signer is not set, it is the agency head who signs the KGB letters.
INSERT INTO "app_setting" ("key", "value", "updated_at")
SELECT k.key, s."value", now()
FROM "app_setting" s
CROSS JOIN (VALUES ('pangkat.signer'), ('pensiun.signer'), ('cuti.signer')) AS k(key)
WHERE s."key" = 'berkala.signer'
ON CONFLICT ("key") DO NOTHING;
