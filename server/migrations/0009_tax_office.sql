-- The tax clerks' back office: the instalment a payer named (kept so that a payment can be
-- allocated again after a correction), the statement a payment came from, corrections
-- with their reasons, the taxpayer's PESEL or NIP from imported assessments, and the
-- e-mail reminders already sent. See docs/TAXES.md.

ALTER TABLE tax_payments ADD COLUMN designated TEXT;        -- tax_instalments.id, or NULL
ALTER TABLE tax_payments ADD COLUMN statement_id TEXT;      -- tax_statements.id, or NULL
CREATE INDEX tax_payments_unmatched ON tax_payments (gmina_id, taxpayer_id);

ALTER TABLE taxpayers ADD COLUMN tax_id TEXT NOT NULL DEFAULT '';  -- PESEL or NIP, '' unknown

-- Whether this person gets e-mail reminders before the taxpayer's due dates.
ALTER TABLE taxpayer_access ADD COLUMN reminders BIGINT NOT NULL DEFAULT 1;

ALTER TABLE tax_statements ADD COLUMN file_name TEXT NOT NULL DEFAULT '';
ALTER TABLE tax_statements ADD COLUMN credits BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tax_statements ADD COLUMN matched BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tax_statements ADD COLUMN total BIGINT NOT NULL DEFAULT 0;

-- A clerk's correction: what was changed, why and by whom (also in the audit chain).
CREATE TABLE tax_corrections (
    id          TEXT PRIMARY KEY,
    gmina_id    TEXT NOT NULL REFERENCES gminy(id),
    taxpayer_id TEXT NOT NULL REFERENCES taxpayers(id),
    action      TEXT NOT NULL,        -- payment_matched | payment_unmatched | assessment_corrected
    object_id   TEXT NOT NULL,        -- the payment or assessment
    detail      TEXT NOT NULL,        -- JSON: amounts before and after, ids
    reason      TEXT NOT NULL,
    actor       TEXT NOT NULL REFERENCES users(id),
    created_at  BIGINT NOT NULL
);
CREATE INDEX tax_corrections_taxpayer ON tax_corrections (taxpayer_id, created_at);

-- One reminder per instalment and person, whatever the restarts and instances.
CREATE TABLE tax_reminders (
    instalment_id TEXT NOT NULL REFERENCES tax_instalments(id),
    user_id       TEXT NOT NULL REFERENCES users(id),
    gmina_id      TEXT NOT NULL REFERENCES gminy(id),
    sent_at       BIGINT NOT NULL,
    PRIMARY KEY (instalment_id, user_id)
);
