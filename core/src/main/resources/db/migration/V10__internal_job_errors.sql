-- A job can fail from a fault in the platform itself (an unclassified database error, say): it fails at once with
-- its reason instead of being retried as an outage.
alter table scoring_job drop constraint scoring_job_error_kind_check;
alter table scoring_job add constraint scoring_job_error_kind_check
    check (error_kind in ('DATA', 'INFRASTRUCTURE', 'INTERNAL'));
