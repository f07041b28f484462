-- Curves are computed once, when a submission becomes SCORED, and pages only read them. curves_at says they were, for every ladder of the submission;
-- the fingerprint of the scores is no longer needed. Curves computed before are dropped: the app recomputes the
-- curves of every scored submission without curves_at once, in the background, after it starts.
alter table submission add column curves_at timestamptz;
alter table ladder_curve alter column fingerprint drop not null;
delete from ladder_curve;
