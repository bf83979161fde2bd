-- Case references (znak sprawy) `DEPT.JRWA.seq.year`: one counter per gmina, department
-- code, JRWA class and year (the office filing rules: instrukcja kancelaryjna and JRWA).
CREATE TABLE case_counters (
    gmina_id        TEXT NOT NULL REFERENCES gminy(id),
    department_code TEXT NOT NULL,
    jrwa_symbol     TEXT NOT NULL,
    year            BIGINT NOT NULL,
    last_seq        BIGINT NOT NULL,
    PRIMARY KEY (gmina_id, department_code, jrwa_symbol, year)
);
