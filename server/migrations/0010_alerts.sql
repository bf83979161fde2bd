-- Crisis alerts: the areas of the gmina, alerts, subscribers' contacts, and the
-- delivery outbox (one row per alert × contact; a contact is one channel's address).

CREATE TABLE alert_areas (
    gmina_id    TEXT NOT NULL REFERENCES gminy(id),
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,            -- 'solectwo', 'district' or 'street'
    parent_code TEXT,                     -- a street's sołectwo or district
    PRIMARY KEY (gmina_id, code)
);

CREATE TABLE alerts (
    id           TEXT PRIMARY KEY,
    gmina_id     TEXT NOT NULL REFERENCES gminy(id),
    severity     TEXT NOT NULL,
    category     TEXT NOT NULL,
    whole_gmina  INTEGER NOT NULL,        -- 1: every area
    valid_from   BIGINT NOT NULL,
    valid_to     BIGINT NOT NULL,
    headline_pl  TEXT NOT NULL,
    text_pl      TEXT NOT NULL,
    headline_en  TEXT NOT NULL,
    text_en      TEXT NOT NULL,
    headline_uk  TEXT NOT NULL,
    text_uk      TEXT NOT NULL,
    sms_text     TEXT NOT NULL,
    issued_by    TEXT NOT NULL REFERENCES users(id),
    issued_at    BIGINT NOT NULL,
    cancelled_at BIGINT
);
CREATE INDEX alerts_active ON alerts (gmina_id, valid_to);

CREATE TABLE alert_target_areas (
    alert_id  TEXT NOT NULL REFERENCES alerts(id),
    gmina_id  TEXT NOT NULL REFERENCES gminy(id),
    area_code TEXT NOT NULL,
    PRIMARY KEY (alert_id, area_code)
);

-- One channel's address of a subscriber. Unconfirmed contacts get nothing but the
-- confirmation; the secrets are stored as SHA-256 only.
CREATE TABLE alert_contacts (
    id                 TEXT PRIMARY KEY,
    gmina_id           TEXT NOT NULL REFERENCES gminy(id),
    channel            TEXT NOT NULL,     -- 'email' or 'sms'
    address            TEXT NOT NULL,     -- e-mail, or +48 and nine digits
    lang               TEXT NOT NULL,
    confirm_hash       TEXT,              -- of the link token or the SMS code
    confirm_expires_at BIGINT,
    confirm_attempts   BIGINT NOT NULL DEFAULT 0,
    confirmed_at       BIGINT,
    unsubscribe_token  TEXT NOT NULL,     -- the capability in every message's link
    unsubscribed_at    BIGINT,
    all_areas          INTEGER NOT NULL,
    all_categories     INTEGER NOT NULL,
    pending_json       TEXT,              -- areas and categories applied on confirming
    created_at         BIGINT NOT NULL,
    UNIQUE (gmina_id, channel, address)
);
CREATE UNIQUE INDEX alert_contacts_unsubscribe ON alert_contacts (unsubscribe_token);

CREATE TABLE alert_contact_areas (
    contact_id TEXT NOT NULL REFERENCES alert_contacts(id),
    area_code  TEXT NOT NULL,
    PRIMARY KEY (contact_id, area_code)
);

CREATE TABLE alert_contact_categories (
    contact_id TEXT NOT NULL REFERENCES alert_contacts(id),
    category   TEXT NOT NULL,
    PRIMARY KEY (contact_id, category)
);

-- The outbox: the primary key (alert, contact) makes "at most once per channel" a
-- constraint. Confirmation messages use alert_id 'confirm:<contact>:<n>'.
CREATE TABLE alert_deliveries (
    id              TEXT PRIMARY KEY,     -- alert id ':' contact id
    gmina_id        TEXT NOT NULL REFERENCES gminy(id),
    alert_id        TEXT NOT NULL,
    contact_id      TEXT NOT NULL REFERENCES alert_contacts(id),
    channel         TEXT NOT NULL,
    status          TEXT NOT NULL,        -- 'queued', 'sent' or 'failed'
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_owner     TEXT,
    last_error      TEXT,
    sent_at         BIGINT,
    created_at      BIGINT NOT NULL,
    subject         TEXT,                 -- confirmations carry their own text
    body            TEXT
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (status, channel, next_attempt_at);
CREATE INDEX alert_deliveries_alert ON alert_deliveries (alert_id, channel, status);
