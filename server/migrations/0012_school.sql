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
