-- Public information: the budget of each published year, the public registers, the
-- office's announcements with their public register of changes, and the signed
-- open-data versions that publish all of them (their files are in `blobs`).

CREATE TABLE budget_years (
    gmina_id TEXT NOT NULL REFERENCES gminy(id),
    year     INTEGER NOT NULL,
    as_of    TEXT NOT NULL,               -- the execution is to this day
    PRIMARY KEY (gmina_id, year)
);

-- The names of the działy and rozdziały a year uses.
CREATE TABLE budget_names (
    gmina_id TEXT NOT NULL REFERENCES gminy(id),
    year     INTEGER NOT NULL,
    code     TEXT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (gmina_id, year, code)
);

-- One paragraph of income or spending; amounts in grosze.
CREATE TABLE budget_lines (
    gmina_id TEXT NOT NULL REFERENCES gminy(id),
    year     INTEGER NOT NULL,
    side     TEXT NOT NULL,               -- 'income' or 'spending'
    dzial    TEXT NOT NULL,
    rozdzial TEXT NOT NULL,
    paragraf TEXT NOT NULL,
    name     TEXT NOT NULL,
    plan     BIGINT NOT NULL,
    changes  BIGINT NOT NULL,
    executed BIGINT NOT NULL,
    PRIMARY KEY (gmina_id, year, side, rozdzial, paragraf)
);

-- An entry of a public register: its canonical values (a JSON array in the register's
-- column order), the folded text searched, and its point in millionths of a degree.
CREATE TABLE register_entries (
    gmina_id    TEXT NOT NULL REFERENCES gminy(id),
    register    TEXT NOT NULL,            -- 'property', 'alcohol', 'road-lane'
    entry_id    TEXT NOT NULL,
    values_json TEXT NOT NULL,
    search      TEXT NOT NULL,
    lat         BIGINT,
    lon         BIGINT,
    PRIMARY KEY (gmina_id, register, entry_id)
);

CREATE TABLE announcements (
    id           TEXT PRIMARY KEY,
    gmina_id     TEXT NOT NULL REFERENCES gminy(id),
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    expires_on   TEXT,                    -- last day current, Warsaw
    published_by TEXT NOT NULL,           -- name as signed
    published_at BIGINT NOT NULL,
    revision     BIGINT NOT NULL,
    changed_at   BIGINT NOT NULL
);
CREATE INDEX announcements_by_date ON announcements (gmina_id, published_at);

-- Every version of an announcement, kept for the public (the BIP register of changes).
CREATE TABLE announcement_revisions (
    announcement_id TEXT NOT NULL REFERENCES announcements(id),
    gmina_id        TEXT NOT NULL REFERENCES gminy(id),
    revision        BIGINT NOT NULL,
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    expires_on      TEXT,
    changed_by      TEXT NOT NULL,
    changed_by_user TEXT NOT NULL REFERENCES users(id),
    changed_at      BIGINT NOT NULL,
    reason          TEXT NOT NULL,
    PRIMARY KEY (announcement_id, revision)
);

CREATE TABLE announcement_attachments (
    id              TEXT PRIMARY KEY,
    announcement_id TEXT NOT NULL REFERENCES announcements(id),
    gmina_id        TEXT NOT NULL REFERENCES gminy(id),
    revision        BIGINT NOT NULL,
    name            TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size            BIGINT NOT NULL,
    sha256          TEXT NOT NULL
);

-- A published version of a dataset: never changed, never deleted.
CREATE TABLE dataset_versions (
    gmina_id       TEXT NOT NULL REFERENCES gminy(id),
    dataset        TEXT NOT NULL,
    version        BIGINT NOT NULL,
    published_at   BIGINT NOT NULL,
    rows_count     BIGINT NOT NULL,
    csv_sha256     TEXT NOT NULL,
    json_sha256    TEXT NOT NULL,
    key_id         TEXT NOT NULL,
    csv_signature  TEXT NOT NULL,
    json_signature TEXT NOT NULL,
    PRIMARY KEY (gmina_id, dataset, version)
);
