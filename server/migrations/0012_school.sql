-- The school e-gradebook: the gmina's schools, their years and classes, who teaches
-- what to whom, the grade columns of each class × subject × term and the grades in
-- them, with every change kept (grade_changes). Parents are linked to pupils by
-- parent_links (0001).

CREATE TABLE schools (
    id              TEXT PRIMARY KEY,
    gmina_id        TEXT NOT NULL REFERENCES gminy(id),
    name            TEXT NOT NULL,
    -- The school's rule for + and − in averages, in hundredths of a grade (+0.5 = 50).
    plus_hundredths  INTEGER NOT NULL DEFAULT 50,
    minus_hundredths INTEGER NOT NULL DEFAULT 25
);

-- A school year: term 1 from starts_on, term 2 from term2_on, to ends_on (dates).
CREATE TABLE school_years (
    id        TEXT PRIMARY KEY,
    gmina_id  TEXT NOT NULL REFERENCES gminy(id),
    school_id TEXT NOT NULL REFERENCES schools(id),
    name      TEXT NOT NULL,              -- '2026/2027'
    starts_on TEXT NOT NULL,
    term2_on  TEXT NOT NULL,
    ends_on   TEXT NOT NULL,
    UNIQUE (school_id, name)
);

CREATE TABLE school_classes (
    id              TEXT PRIMARY KEY,
    gmina_id        TEXT NOT NULL REFERENCES gminy(id),
    year_id         TEXT NOT NULL REFERENCES school_years(id),
    name            TEXT NOT NULL,        -- '6b'
    level           INTEGER NOT NULL,     -- 6: the year group
    form_teacher_id TEXT REFERENCES users(id),
    UNIQUE (year_id, name)
);

CREATE TABLE subjects (
    id        TEXT PRIMARY KEY,
    gmina_id  TEXT NOT NULL REFERENCES gminy(id),
    school_id TEXT NOT NULL REFERENCES schools(id),
    name      TEXT NOT NULL,
    position  INTEGER NOT NULL,
    UNIQUE (school_id, name)
);

-- Who teaches a subject to a class.
CREATE TABLE teaching (
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    class_id   TEXT NOT NULL REFERENCES school_classes(id),
    subject_id TEXT NOT NULL REFERENCES subjects(id),
    teacher_id TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (class_id, subject_id)
);
CREATE INDEX teaching_teacher ON teaching (gmina_id, teacher_id);

-- A pupil in a class for its year, with their number in the class register.
CREATE TABLE enrolments (
    gmina_id TEXT NOT NULL REFERENCES gminy(id),
    class_id TEXT NOT NULL REFERENCES school_classes(id),
    pupil_id TEXT NOT NULL REFERENCES users(id),
    number   INTEGER NOT NULL,
    PRIMARY KEY (class_id, pupil_id)
);
CREATE INDEX enrolments_pupil ON enrolments (gmina_id, pupil_id);

-- The school's categories of grades and their weights.
CREATE TABLE grade_categories (
    id        TEXT PRIMARY KEY,
    gmina_id  TEXT NOT NULL REFERENCES gminy(id),
    school_id TEXT NOT NULL REFERENCES schools(id),
    code      TEXT NOT NULL,              -- 'test', 'quiz', 'homework', 'oral', 'activity'
    weight    INTEGER NOT NULL,
    UNIQUE (school_id, code)
);

-- A column of the teacher's grid: graded work ('regular', with a category) or the
-- proposed / final grade of the term (term 2's final grade is the year's).
CREATE TABLE grade_columns (
    id          TEXT PRIMARY KEY,
    gmina_id    TEXT NOT NULL REFERENCES gminy(id),
    class_id    TEXT NOT NULL REFERENCES school_classes(id),
    subject_id  TEXT NOT NULL REFERENCES subjects(id),
    term        INTEGER NOT NULL,         -- 1 or 2
    kind        TEXT NOT NULL,            -- 'regular', 'proposed', 'final'
    category_id TEXT REFERENCES grade_categories(id),
    title       TEXT NOT NULL,
    on_date     TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES users(id),
    created_at  BIGINT NOT NULL
);
CREATE INDEX grade_columns_class ON grade_columns (gmina_id, class_id, subject_id, term);

-- A pupil's grade in a column, as it stands. revision counts its changes.
CREATE TABLE grades (
    id         TEXT PRIMARY KEY,
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    column_id  TEXT NOT NULL REFERENCES grade_columns(id),
    pupil_id   TEXT NOT NULL REFERENCES users(id),
    mark       TEXT,                      -- NULL once removed (the history keeps it)
    comment    TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    changed_by TEXT NOT NULL REFERENCES users(id),
    changed_at BIGINT NOT NULL,
    UNIQUE (column_id, pupil_id)
);
CREATE INDEX grades_pupil ON grades (gmina_id, pupil_id);

-- Every version of every grade: who set what, when. Never updated.
CREATE TABLE grade_changes (
    grade_id   TEXT NOT NULL REFERENCES grades(id),
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    pupil_id   TEXT NOT NULL REFERENCES users(id),
    revision   INTEGER NOT NULL,
    mark       TEXT,
    comment    TEXT NOT NULL,
    changed_by TEXT NOT NULL REFERENCES users(id),
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (grade_id, revision)
);
CREATE INDEX grade_changes_pupil ON grade_changes (gmina_id, pupil_id);

-- The school's bell: when each lesson period starts and ends (HH:MM, Warsaw time).
CREATE TABLE school_periods (
    gmina_id  TEXT NOT NULL REFERENCES gminy(id),
    school_id TEXT NOT NULL REFERENCES schools(id),
    period    INTEGER NOT NULL,
    starts    TEXT NOT NULL,
    ends      TEXT NOT NULL,
    PRIMARY KEY (school_id, period)
);

-- The weekly timetable: a class's lesson of a subject on a weekday (1 = Monday) and period.
CREATE TABLE lessons (
    id         TEXT PRIMARY KEY,
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    class_id   TEXT NOT NULL REFERENCES school_classes(id),
    subject_id TEXT NOT NULL REFERENCES subjects(id),
    teacher_id TEXT NOT NULL REFERENCES users(id),
    weekday    INTEGER NOT NULL,
    period     INTEGER NOT NULL,
    room       TEXT NOT NULL,
    UNIQUE (class_id, weekday, period)
);
CREATE INDEX lessons_teacher ON lessons (gmina_id, teacher_id);

-- A lesson on one date taken by another teacher ('substitution') or not held ('cancelled').
CREATE TABLE lesson_changes (
    gmina_id   TEXT NOT NULL REFERENCES gminy(id),
    lesson_id  TEXT NOT NULL REFERENCES lessons(id),
    on_date    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    teacher_id TEXT REFERENCES users(id),
    note       TEXT NOT NULL,
    PRIMARY KEY (lesson_id, on_date)
);
CREATE INDEX lesson_changes_teacher ON lesson_changes (gmina_id, teacher_id, on_date);

-- Attendance per lesson and date: 'present', 'absent', 'late', 'excused', 'released'.
CREATE TABLE attendance (
    gmina_id  TEXT NOT NULL REFERENCES gminy(id),
    lesson_id TEXT NOT NULL REFERENCES lessons(id),
    on_date   TEXT NOT NULL,
    pupil_id  TEXT NOT NULL REFERENCES users(id),
    status    TEXT NOT NULL,
    taken_by  TEXT NOT NULL REFERENCES users(id),
    taken_at  BIGINT NOT NULL,
    PRIMARY KEY (lesson_id, on_date, pupil_id)
);
CREATE INDEX attendance_pupil ON attendance (gmina_id, pupil_id, on_date);

-- A parent's excuse for the absences of some days; the form teacher accepts or rejects it.
CREATE TABLE excuses (
    id           TEXT PRIMARY KEY,
    gmina_id     TEXT NOT NULL REFERENCES gminy(id),
    pupil_id     TEXT NOT NULL REFERENCES users(id),
    class_id     TEXT NOT NULL REFERENCES school_classes(id),
    from_date    TEXT NOT NULL,
    to_date      TEXT NOT NULL,
    reason       TEXT NOT NULL,
    submitted_by TEXT NOT NULL REFERENCES users(id),
    submitted_at BIGINT NOT NULL,
    status       TEXT NOT NULL,            -- 'pending', 'accepted', 'rejected'
    decided_by   TEXT REFERENCES users(id),
    decided_at   BIGINT,
    note         TEXT NOT NULL
);
CREATE INDEX excuses_class ON excuses (gmina_id, class_id, status);
CREATE INDEX excuses_pupil ON excuses (gmina_id, pupil_id);

-- The second factor of accounts that need one (teachers): the TOTP secret, whether a
-- first code confirmed it, and the last step used (a code is never taken twice).
CREATE TABLE user_totp (
    user_id   TEXT PRIMARY KEY REFERENCES users(id),
    gmina_id  TEXT NOT NULL REFERENCES gminy(id),
    secret    TEXT NOT NULL,              -- base32
    confirmed INTEGER NOT NULL,
    last_step BIGINT
);

-- A subscribable iCalendar address of a pupil's timetable and announced tests, one per
-- person and pupil; the token is the address's secret.
CREATE TABLE school_calendars (
    token    TEXT PRIMARY KEY,
    gmina_id TEXT NOT NULL REFERENCES gminy(id),
    user_id  TEXT NOT NULL REFERENCES users(id),
    pupil_id TEXT NOT NULL REFERENCES users(id),
    UNIQUE (user_id, pupil_id)
);

-- A teacher's notice to a class, a year group (level) or the whole school.
CREATE TABLE notices (
    id           TEXT PRIMARY KEY,
    gmina_id     TEXT NOT NULL REFERENCES gminy(id),
    school_id    TEXT NOT NULL REFERENCES schools(id),
    audience     TEXT NOT NULL,           -- 'class', 'level', 'school'
    class_id     TEXT REFERENCES school_classes(id),
    level        INTEGER,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    author_id    TEXT NOT NULL REFERENCES users(id),
    published_at BIGINT NOT NULL
);
CREATE INDEX notices_school ON notices (gmina_id, school_id, published_at);
