-- A subject whose term and year grades are marks of the scale also in classes 1–3:
-- religion and ethics are not compulsory subjects, so the descriptive grades of
-- art. 44i ust. 1 of the ustawa o systemie oświaty do not cover them (1 = on the scale).
ALTER TABLE subjects ADD COLUMN scale_in_early INTEGER NOT NULL DEFAULT 0;
