-- The school office (sekretariat): who keeps each school's pupils and guardians, and the
-- one-time links that let an account made for someone set its first password.

CREATE TABLE school_admins (
    gmina_id  TEXT NOT NULL REFERENCES gminy(id),
    school_id TEXT NOT NULL REFERENCES schools(id),
    user_id   TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (school_id, user_id)
);

-- token_hash is the SHA-256 of the e-mailed secret; a link works once, until expires_at.
CREATE TABLE account_invitations (
    token_hash TEXT PRIMARY KEY,
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    user_id    TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX account_invitations_user ON account_invitations (user_id);
