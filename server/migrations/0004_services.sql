-- The e-services catalogue: each service with its catalogue card and its form
-- definition (JSON, `models::forms::FormDefinition`), per gmina.
CREATE TABLE services (
    id              TEXT PRIMARY KEY,
    gmina_id        TEXT NOT NULL REFERENCES gminy(id),
    slug            TEXT NOT NULL,
    life_situation  TEXT NOT NULL,
    department_code TEXT NOT NULL,
    jrwa_symbol     TEXT,                       -- default class; NULL: chosen at registration
    period          TEXT NOT NULL,              -- statutory limit: '1m', '2m' or '14d'
    fee_grosze      BIGINT NOT NULL DEFAULT 0,
    card_json       TEXT NOT NULL,              -- title, summary, who may file, documents
    form_json       TEXT NOT NULL,
    position        BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    UNIQUE (gmina_id, slug)
);
