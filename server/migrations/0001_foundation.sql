-- Foundation: gminy (tenants), their organisation, accounts and sessions.
-- Times are UTC milliseconds since the Unix epoch (BIGINT). Every row carries gmina_id.

CREATE TABLE gminy (
    id            TEXT PRIMARY KEY,           -- slug, e.g. 'przykladowo'
    name          TEXT NOT NULL,
    crest_svg     TEXT NOT NULL,
    address       TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    is_default    INTEGER NOT NULL DEFAULT 0,
    created_at    BIGINT NOT NULL
);

CREATE TABLE gmina_hosts (
    host     TEXT PRIMARY KEY,                -- lower-case host name without port
    gmina_id TEXT NOT NULL REFERENCES gminy(id)
);

CREATE TABLE org_units (
    id         TEXT PRIMARY KEY,
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    position   BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX org_units_gmina ON org_units (gmina_id, position);

CREATE TABLE departments (
    id         TEXT PRIMARY KEY,
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    unit_id    TEXT NOT NULL REFERENCES org_units(id),
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (gmina_id, unit_id, code)
);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    gmina_id      TEXT NOT NULL REFERENCES gminy(id),
    email         TEXT NOT NULL,               -- trimmed, lower-case
    full_name     TEXT NOT NULL,
    password_hash TEXT NOT NULL,               -- argon2id PHC string
    pesel         TEXT,
    department_id TEXT REFERENCES departments(id),
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    UNIQUE (gmina_id, email)
);

CREATE TABLE user_roles (
    gmina_id TEXT NOT NULL REFERENCES gminy(id),
    user_id  TEXT NOT NULL REFERENCES users(id),
    role     TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE parent_links (
    gmina_id  TEXT NOT NULL REFERENCES gminy(id),
    parent_id TEXT NOT NULL REFERENCES users(id),
    pupil_id  TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (parent_id, pupil_id)
);

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,             -- public id, shown in the sessions list
    gmina_id     TEXT NOT NULL REFERENCES gminy(id),
    user_id      TEXT NOT NULL REFERENCES users(id),
    token_hash   TEXT NOT NULL UNIQUE,         -- SHA-256 of the cookie secret
    user_agent   TEXT NOT NULL DEFAULT '',
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL               -- absolute limit
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed logins and registrations, keyed by a hash (never the e-mail or IP itself).
CREATE TABLE auth_attempts (
    gmina_id TEXT NOT NULL REFERENCES gminy(id),
    key_hash TEXT NOT NULL,
    at       BIGINT NOT NULL
);
CREATE INDEX auth_attempts_key ON auth_attempts (gmina_id, key_hash, at);
