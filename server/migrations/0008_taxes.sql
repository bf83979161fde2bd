-- Local taxes and fees: taxpayers with their individual account numbers, who may see
-- them, yearly assessments with their objects and instalments, payments (online, bank
-- statements, manual) and how each payment was allocated. Money in grosze (BIGINT).
-- See docs/TAXES.md.

-- Per gmina: the bank's routing number and the account prefix of individual accounts.
CREATE TABLE tax_settings (
    gmina_id       TEXT PRIMARY KEY REFERENCES gminy(id),
    bank_prefix    TEXT NOT NULL,                 -- 8 digits: the bank's routing number
    account_prefix TEXT NOT NULL,                 -- the gmina's fixed digits of the account
    recipient      TEXT NOT NULL,                 -- name on transfers
    recipient_nip  TEXT NOT NULL DEFAULT '',
    waste_schedule TEXT NOT NULL,                 -- JSON [[month, day], …] of the council
    dog_schedule   TEXT NOT NULL,
    next_number    BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE taxpayers (
    id         TEXT PRIMARY KEY,
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    number     BIGINT NOT NULL,
    kind       TEXT NOT NULL,                     -- person | household | company
    name       TEXT NOT NULL,
    nrb        TEXT NOT NULL,                     -- the individual account (26 digits)
    created_at BIGINT NOT NULL,
    UNIQUE (gmina_id, number),
    UNIQUE (gmina_id, nrb)
);

-- Who may see a taxpayer's ledger: the person themself, or someone acting for them.
CREATE TABLE taxpayer_access (
    gmina_id    TEXT NOT NULL REFERENCES gminy(id),
    taxpayer_id TEXT NOT NULL REFERENCES taxpayers(id),
    user_id     TEXT NOT NULL REFERENCES users(id),
    relation    TEXT NOT NULL,                    -- self | co_owner | representative
    -- The secret of this person's iCalendar feed of the taxpayer's due dates.
    calendar_token TEXT NOT NULL UNIQUE,
    PRIMARY KEY (taxpayer_id, user_id)
);
CREATE INDEX taxpayer_access_user ON taxpayer_access (user_id);

CREATE TABLE tax_assessments (
    id              TEXT PRIMARY KEY,
    gmina_id        TEXT NOT NULL REFERENCES gminy(id),
    taxpayer_id     TEXT NOT NULL REFERENCES taxpayers(id),
    year            BIGINT NOT NULL,
    kind            TEXT NOT NULL,                -- property | agricultural | forest | joint | vehicle | waste | dog
    decision_number TEXT NOT NULL,
    decision_date   TEXT NOT NULL,                -- YYYY-MM-DD
    amount          BIGINT NOT NULL,              -- the year's amount (rounded to full złoty for taxes)
    objects         TEXT NOT NULL,                -- JSON [{description, base, unit, rate, amount}]
    created_at      BIGINT NOT NULL,
    UNIQUE (gmina_id, decision_number, kind)
);
CREATE INDEX tax_assessments_taxpayer ON tax_assessments (taxpayer_id, year);

CREATE TABLE tax_instalments (
    id            TEXT PRIMARY KEY,
    gmina_id      TEXT NOT NULL REFERENCES gminy(id),
    assessment_id TEXT NOT NULL REFERENCES tax_assessments(id),
    taxpayer_id   TEXT NOT NULL REFERENCES taxpayers(id),
    number        BIGINT NOT NULL,
    due_on        TEXT NOT NULL,                  -- YYYY-MM-DD, a working day
    amount        BIGINT NOT NULL,
    UNIQUE (assessment_id, number)
);
CREATE INDEX tax_instalments_taxpayer ON tax_instalments (taxpayer_id, due_on);

-- Every payment that reached the gmina's account, matched to a taxpayer or not (never
-- lost): `external_ref` makes re-imports and repeated notifications idempotent.
CREATE TABLE tax_payments (
    id           TEXT PRIMARY KEY,
    gmina_id     TEXT NOT NULL REFERENCES gminy(id),
    taxpayer_id  TEXT REFERENCES taxpayers(id),   -- NULL while unmatched
    nrb          TEXT NOT NULL,                   -- the account it was paid to
    amount       BIGINT NOT NULL,
    paid_on      TEXT NOT NULL,                   -- YYYY-MM-DD
    source       TEXT NOT NULL,                   -- online | statement | manual | demo
    external_ref TEXT NOT NULL,
    payer        TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    created_at   BIGINT NOT NULL,
    UNIQUE (gmina_id, external_ref)
);
CREATE INDEX tax_payments_taxpayer ON tax_payments (taxpayer_id, paid_on);

-- How a payment was allocated (Ordynacja podatkowa art. 55 § 2, art. 62 § 1).
CREATE TABLE tax_allocations (
    payment_id     TEXT NOT NULL REFERENCES tax_payments(id),
    instalment_id  TEXT NOT NULL REFERENCES tax_instalments(id),
    gmina_id       TEXT NOT NULL REFERENCES gminy(id),
    principal      BIGINT NOT NULL,
    interest       BIGINT NOT NULL,
    PRIMARY KEY (payment_id, instalment_id)
);
CREATE INDEX tax_allocations_instalment ON tax_allocations (instalment_id);

-- Online payments started by residents through a payment provider.
CREATE TABLE tax_payment_intents (
    id           TEXT PRIMARY KEY,
    gmina_id     TEXT NOT NULL REFERENCES gminy(id),
    taxpayer_id  TEXT NOT NULL REFERENCES taxpayers(id),
    user_id      TEXT NOT NULL REFERENCES users(id),
    amount       BIGINT NOT NULL,
    status       TEXT NOT NULL,                   -- pending | paid | failed
    provider     TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    completed_at BIGINT
);

-- Imported bank statements: the same file twice is detected by its hash.
CREATE TABLE tax_statements (
    id          TEXT PRIMARY KEY,
    gmina_id    TEXT NOT NULL REFERENCES gminy(id),
    sha256      TEXT NOT NULL,
    format      TEXT NOT NULL,                    -- csv | mt940
    lines       BIGINT NOT NULL,
    imported_by TEXT NOT NULL REFERENCES users(id),
    imported_at BIGINT NOT NULL,
    UNIQUE (gmina_id, sha256)
);
