-- Cases: uploaded files, drafts, the registry of incoming correspondence, cases with
-- their timeline and documents, submissions with their receipts, and the audit chain.
-- Every row carries its gmina; times are BIGINT milliseconds (UTC), days 'YYYY-MM-DD'.

-- File contents, content-addressed: one row per gmina and SHA-256.
CREATE TABLE blobs (
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    sha256     TEXT NOT NULL,
    size       BIGINT NOT NULL,
    content    BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (gmina_id, sha256)
);

-- Who uploaded which file (a person can only refer to their own uploads).
CREATE TABLE uploads (
    id           TEXT PRIMARY KEY,
    gmina_id     TEXT NOT NULL REFERENCES gminy(id),
    user_id      TEXT NOT NULL REFERENCES users(id),
    sha256       TEXT NOT NULL,
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    created_at   BIGINT NOT NULL,
    UNIQUE (gmina_id, user_id, sha256, name)
);

CREATE TABLE drafts (
    id         TEXT PRIMARY KEY,
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    user_id    TEXT NOT NULL REFERENCES users(id),
    service_id TEXT NOT NULL REFERENCES services(id),
    data_json  TEXT NOT NULL,
    revision   BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX drafts_user ON drafts (gmina_id, user_id, updated_at);

-- Registry numbers RPW/seq/year, one counter per gmina and year.
CREATE TABLE registry_counters (
    gmina_id TEXT NOT NULL REFERENCES gminy(id),
    year     BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    PRIMARY KEY (gmina_id, year)
);

CREATE TABLE cases (
    id                TEXT PRIMARY KEY,
    gmina_id          TEXT NOT NULL REFERENCES gminy(id),
    reference         TEXT NOT NULL,             -- znak sprawy, or the registry number until classified
    registry_number   TEXT NOT NULL,
    channel           TEXT NOT NULL,
    service_id        TEXT REFERENCES services(id),
    applicant_id      TEXT REFERENCES users(id), -- NULL: a sender without an account
    applicant_name    TEXT NOT NULL,
    title_json        TEXT NOT NULL,             -- Localized
    department_id     TEXT NOT NULL REFERENCES departments(id),
    jrwa_symbol       TEXT,
    assignee_id       TEXT REFERENCES users(id),
    status            TEXT NOT NULL,
    period            TEXT NOT NULL,
    received_at       BIGINT NOT NULL,
    received_on       TEXT NOT NULL,             -- day in Europe/Warsaw, start of the KPA period
    due_on            TEXT,                      -- NULL while paused or once decided
    completion_text   TEXT,
    completion_due_on TEXT,
    paused_since      TEXT,                      -- day the current pause began
    paused_days       BIGINT NOT NULL DEFAULT 0, -- days excluded so far (KPA art. 35 § 5)
    retention         TEXT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    closed_at         BIGINT,
    UNIQUE (gmina_id, reference),
    UNIQUE (gmina_id, registry_number)
);
CREATE INDEX cases_applicant ON cases (gmina_id, applicant_id, received_at);
CREATE INDEX cases_department ON cases (gmina_id, department_id, status);

CREATE TABLE registry_entries (
    id          TEXT PRIMARY KEY,
    gmina_id    TEXT NOT NULL REFERENCES gminy(id),
    number      TEXT NOT NULL,
    year        BIGINT NOT NULL,
    seq         BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    channel     TEXT NOT NULL,
    sender      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    case_id     TEXT NOT NULL REFERENCES cases(id),
    created_by  TEXT REFERENCES users(id),
    created_at  BIGINT NOT NULL,
    UNIQUE (gmina_id, number)
);
CREATE INDEX registry_entries_time ON registry_entries (gmina_id, received_at);

CREATE TABLE case_events (
    id          TEXT PRIMARY KEY,
    gmina_id    TEXT NOT NULL REFERENCES gminy(id),
    case_id     TEXT NOT NULL REFERENCES cases(id),
    at          BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    actor_id    TEXT REFERENCES users(id),
    note        TEXT,
    created_seq BIGINT NOT NULL                 -- order within the case
);
CREATE INDEX case_events_case ON case_events (case_id, created_seq);

CREATE TABLE case_documents (
    id           TEXT PRIMARY KEY,
    gmina_id     TEXT NOT NULL REFERENCES gminy(id),
    case_id      TEXT NOT NULL REFERENCES cases(id),
    direction    TEXT NOT NULL,                 -- 'in' or 'out'
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    signed_json  TEXT,                          -- a signed envelope (receipt, decision)
    created_by   TEXT REFERENCES users(id),
    created_at   BIGINT NOT NULL
);
CREATE INDEX case_documents_case ON case_documents (case_id, created_at);

-- One row per accepted submission; the idempotency key makes a replay return it again.
CREATE TABLE submissions (
    id              TEXT PRIMARY KEY,
    gmina_id        TEXT NOT NULL REFERENCES gminy(id),
    user_id         TEXT NOT NULL REFERENCES users(id),
    idempotency_key TEXT NOT NULL,
    service_id      TEXT NOT NULL REFERENCES services(id),
    form_version    BIGINT NOT NULL,
    content_json    TEXT NOT NULL,
    content_sha256  TEXT NOT NULL,
    case_id         TEXT NOT NULL REFERENCES cases(id),
    receipt_json    TEXT NOT NULL,
    received_at     BIGINT NOT NULL,
    UNIQUE (gmina_id, user_id, idempotency_key)
);

-- Documents handed to the national legal channel (e-Doręczenia) and what it answered.
CREATE TABLE deliveries (
    id          TEXT PRIMARY KEY,
    gmina_id    TEXT NOT NULL REFERENCES gminy(id),
    case_id     TEXT NOT NULL REFERENCES cases(id),
    document_id TEXT NOT NULL REFERENCES case_documents(id),
    channel     TEXT NOT NULL,
    address     TEXT NOT NULL,
    status      TEXT NOT NULL,
    proof_json  TEXT,
    created_at  BIGINT NOT NULL
);

-- Append-only audit log, one hash chain per gmina: hash = SHA-256(prev_hash | entry).
CREATE TABLE audit_heads (
    gmina_id TEXT PRIMARY KEY REFERENCES gminy(id),
    seq      BIGINT NOT NULL,
    hash     TEXT NOT NULL
);
CREATE TABLE audit_log (
    gmina_id    TEXT NOT NULL REFERENCES gminy(id),
    seq         BIGINT NOT NULL,
    at          BIGINT NOT NULL,
    actor_id    TEXT,
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    detail      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    PRIMARY KEY (gmina_id, seq)
);
CREATE INDEX audit_log_object ON audit_log (gmina_id, object_type, object_id);

-- Mail to send (case notifications…): an outbox, so nothing is lost across restarts.
CREATE TABLE mail_outbox (
    id              TEXT PRIMARY KEY,
    gmina_id        TEXT NOT NULL REFERENCES gminy(id),
    to_address      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    sent_at         BIGINT,
    last_error      TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);

-- The office's classification of matters (JRWA) with the archive category of each class.
CREATE TABLE jrwa_classes (
    gmina_id  TEXT NOT NULL REFERENCES gminy(id),
    symbol    TEXT NOT NULL,                 -- four digits at case level
    title     TEXT NOT NULL,
    retention TEXT NOT NULL,                 -- 'A' (archival) or 'B<n>', 'BE<n>' (years)
    PRIMARY KEY (gmina_id, symbol)
);
