-- KPA art. 36: the office may name a later date for the decision, with the reason.
-- The extra calendar days are kept so a later pause (art. 35 § 5) recomputes the date
-- on top of them instead of forgetting the notice.
ALTER TABLE cases ADD COLUMN extension_days BIGINT NOT NULL DEFAULT 0;
