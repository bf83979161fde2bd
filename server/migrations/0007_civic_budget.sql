-- Civic budget (budżet obywatelski): editions, pools, projects with their verification
-- history, guardians' consents and ballots. See docs/CIVIC_BUDGET.md.

CREATE TABLE civic_editions (
    id               TEXT PRIMARY KEY,
    gmina_id         TEXT NOT NULL REFERENCES gminy(id),
    title            TEXT NOT NULL,
    proposals_from   TEXT NOT NULL,               -- YYYY-MM-DD, Europe/Warsaw, inclusive
    proposals_to     TEXT NOT NULL,
    verification_to  TEXT NOT NULL,
    appeals_to       TEXT NOT NULL,
    voting_from      TEXT NOT NULL,
    voting_to        TEXT NOT NULL,
    voting_starts_at BIGINT NOT NULL,             -- UTC ms: voting_from 00:00 in Warsaw
    voting_ends_at   BIGINT NOT NULL,             -- UTC ms: the day after voting_to, 00:00
    ballot_kind      TEXT NOT NULL,
    rule             TEXT NOT NULL,
    min_age          BIGINT,
    guardian_consent INTEGER NOT NULL,
    allow_change     INTEGER NOT NULL,
    next_number      BIGINT NOT NULL DEFAULT 0,   -- the last project number given
    closed_at        BIGINT,                      -- set once, when the office closes voting
    results          TEXT,                        -- models::civic::Results as JSON, frozen at close
    created_at       BIGINT NOT NULL
);
CREATE INDEX civic_editions_gmina ON civic_editions (gmina_id, voting_from);

CREATE TABLE civic_pools (
    id          TEXT PRIMARY KEY,
    gmina_id    TEXT NOT NULL REFERENCES gminy(id),
    edition_id  TEXT NOT NULL REFERENCES civic_editions(id),
    name        TEXT NOT NULL,
    district    INTEGER NOT NULL,
    budget      BIGINT NOT NULL,                  -- grosze
    max_choices BIGINT NOT NULL,
    min_choices BIGINT NOT NULL,
    position    BIGINT NOT NULL
);
CREATE INDEX civic_pools_edition ON civic_pools (edition_id, position);

CREATE TABLE civic_projects (
    id             TEXT PRIMARY KEY,
    gmina_id       TEXT NOT NULL REFERENCES gminy(id),
    edition_id     TEXT NOT NULL REFERENCES civic_editions(id),
    pool_id        TEXT NOT NULL REFERENCES civic_pools(id),
    number         BIGINT NOT NULL,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL,
    location       TEXT NOT NULL,
    lat_e6         BIGINT,                        -- microdegrees, when a map point is given
    lon_e6         BIGINT,
    category       TEXT NOT NULL,
    estimated_cost BIGINT NOT NULL,               -- grosze, the author's estimate
    cost           BIGINT NOT NULL,               -- grosze, after verification
    status         TEXT NOT NULL,
    conflict_group TEXT,
    author_id      TEXT REFERENCES users(id),     -- NULL for imported projects
    appealed       INTEGER NOT NULL DEFAULT 0,    -- the one appeal has been used
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    UNIQUE (edition_id, number)
);
CREATE INDEX civic_projects_pool ON civic_projects (edition_id, pool_id, number);
CREATE INDEX civic_projects_author ON civic_projects (author_id);

-- Photos of a project: uploads (content-addressed blobs) the author attached.
CREATE TABLE civic_project_photos (
    project_id   TEXT NOT NULL REFERENCES civic_projects(id),
    gmina_id     TEXT NOT NULL REFERENCES gminy(id),
    position     BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    PRIMARY KEY (project_id, position)
);

CREATE TABLE civic_project_events (
    id         TEXT PRIMARY KEY,
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    project_id TEXT NOT NULL REFERENCES civic_projects(id),
    at         BIGINT NOT NULL,
    kind       TEXT NOT NULL,
    note       TEXT NOT NULL,
    cost       BIGINT,
    actor_id   TEXT REFERENCES users(id)
);
CREATE INDEX civic_project_events_project ON civic_project_events (project_id, at);

-- A guardian's consent for a pupil under the minimum age (parent_links says who may give it).
CREATE TABLE civic_consents (
    gmina_id    TEXT NOT NULL REFERENCES gminy(id),
    edition_id  TEXT NOT NULL REFERENCES civic_editions(id),
    pupil_id    TEXT NOT NULL REFERENCES users(id),
    guardian_id TEXT NOT NULL REFERENCES users(id),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (edition_id, pupil_id)
);

-- One ballot per person per edition: `voter_key` is derived from the PESEL (online and
-- paper alike), and the UNIQUE constraint holds under any concurrency and any number of
-- server instances.
CREATE TABLE civic_ballots (
    id           TEXT PRIMARY KEY,
    gmina_id     TEXT NOT NULL REFERENCES gminy(id),
    edition_id   TEXT NOT NULL REFERENCES civic_editions(id),
    voter_key    TEXT NOT NULL,
    user_id      TEXT REFERENCES users(id),       -- the account that voted online
    receipt_hash TEXT NOT NULL UNIQUE,            -- SHA-256 of the receipt code
    choices      TEXT NOT NULL,                   -- JSON [{pool_id, projects}]
    district_id  TEXT,                            -- the district pool voted in, if any
    age_band     TEXT NOT NULL,
    channel      TEXT NOT NULL,                   -- online | paper | imported
    entered_by   TEXT REFERENCES users(id),       -- the clerk, for paper ballots
    cast_at      BIGINT NOT NULL,
    changed_at   BIGINT,
    UNIQUE (edition_id, voter_key)
);
CREATE INDEX civic_ballots_user ON civic_ballots (user_id, edition_id);
