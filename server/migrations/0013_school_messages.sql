-- Messages between a pupil's family and their teachers, the homework teachers set, and
-- which school e-mails a person has switched off.

-- A conversation about one pupil. Its members are the people who wrote or were written
-- to; only they see it.
CREATE TABLE message_threads (
    id              TEXT PRIMARY KEY,
    gmina_id        TEXT NOT NULL REFERENCES gminy(id),
    pupil_id        TEXT NOT NULL REFERENCES users(id),
    subject         TEXT NOT NULL,
    created_by      TEXT NOT NULL REFERENCES users(id),
    created_at      BIGINT NOT NULL,
    last_message_at BIGINT NOT NULL
);

-- A member of a thread and when they last read it (read receipts: a message is read by
-- a member whose last_read_at is at or after it).
CREATE TABLE thread_members (
    thread_id    TEXT NOT NULL REFERENCES message_threads(id),
    user_id      TEXT NOT NULL REFERENCES users(id),
    gmina_id     TEXT NOT NULL REFERENCES gminy(id),
    last_read_at BIGINT,
    PRIMARY KEY (thread_id, user_id)
);
CREATE INDEX thread_members_user ON thread_members (gmina_id, user_id);

CREATE TABLE messages (
    id        TEXT PRIMARY KEY,
    gmina_id  TEXT NOT NULL REFERENCES gminy(id),
    thread_id TEXT NOT NULL REFERENCES message_threads(id),
    author_id TEXT NOT NULL REFERENCES users(id),
    body      TEXT NOT NULL,
    sent_at   BIGINT NOT NULL
);
CREATE INDEX messages_thread ON messages (thread_id, sent_at);

-- Homework a teacher sets a class in a subject, due on a day.
CREATE TABLE homework (
    id         TEXT PRIMARY KEY,
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    class_id   TEXT NOT NULL REFERENCES school_classes(id),
    subject_id TEXT NOT NULL REFERENCES subjects(id),
    teacher_id TEXT NOT NULL REFERENCES users(id),
    title      TEXT NOT NULL,
    details    TEXT NOT NULL,
    due_on     TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX homework_class ON homework (gmina_id, class_id, due_on);

-- The kinds of school e-mail a person does not want ('message', 'notice', 'grade',
-- 'excuse'); every kind is sent unless switched off here.
CREATE TABLE school_mail_optouts (
    gmina_id TEXT NOT NULL REFERENCES gminy(id),
    user_id  TEXT NOT NULL REFERENCES users(id),
    kind     TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);
