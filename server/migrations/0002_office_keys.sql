-- The office's Ed25519 signing key for receipts (UPO) and decisions, one per gmina.
-- The secret is kept here unless OKIENKO_RECEIPT_KEY_DIR keeps it in files instead
-- (then secret_key_hex is empty). Keys are never deleted: old receipts must verify.
CREATE TABLE office_keys (
    key_id         TEXT PRIMARY KEY,           -- first 16 hex of SHA-256(public key)
    gmina_id       TEXT NOT NULL REFERENCES gminy(id),
    public_key_hex TEXT NOT NULL,
    secret_key_hex TEXT NOT NULL,
    is_current     INTEGER NOT NULL DEFAULT 1,
    created_at     BIGINT NOT NULL
);
CREATE UNIQUE INDEX office_keys_one_current ON office_keys (gmina_id) WHERE is_current = 1;
