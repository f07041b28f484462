-- Notices: what the app tells a person (a submission scored or failed, new work for a judge, a silent worker or a
-- job failed for good for organizers), in the app and, when the server sends mail, by e-mail. The app's producer
-- writes them from what the database records (submission_event, scoring_job, scoring_worker), so a worker in
-- another process needs to know nothing of them.

-- each person's choice: e-mail notices on (the default) or off; the token is the mails' one-click "off" link
alter table account add column notice_email boolean not null default true;
alter table account add column notice_email_token uuid not null default gen_random_uuid();
create unique index account_notice_email_token on account (notice_email_token);

create table notice (
    id             bigserial primary key,
    recipient_id   bigint       not null references account (id) on delete cascade,
    kind           varchar(30)  not null check (kind in ('SUBMISSION_SCORED', 'SUBMISSION_FAILED', 'REVIEW_WAITING',
                                                         'WORKER_SILENT', 'JOB_FAILED')),
    -- the event told of ('submission_event:42', 'review:7', 'job:12:3', 'worker:w1:1733140000000'): with the
    -- recipient it is unique, so two app instances (or a re-run) cannot tell anyone twice
    about          varchar(400) not null,
    submission_id  bigint references submission (id) on delete cascade,
    -- no foreign keys: scoring again deletes a submission's jobs, and workers' rows come and go; the notice stays
    job_id         bigint,
    worker_id      varchar(200),
    title          varchar(300) not null,
    body           text         not null,
    created_at     timestamptz  not null default now(),
    read_at        timestamptz,
    -- the mail: due at (null when there is nothing to send), tries so far, sent at, the last failure's reason
    email_due_at   timestamptz,
    email_attempts integer      not null default 0,
    emailed_at     timestamptz,
    email_error    text,
    unique (recipient_id, about)
);
-- the header's unread count and the notices page
create index notice_unread on notice (recipient_id) where read_at is null;
create index notice_recipient on notice (recipient_id, id desc);
create index notice_email_due on notice (email_due_at) where email_due_at is not null;

-- How far the producer has read each source. Events and failed jobs are read from the cursor on (with an overlap,
-- since a transaction can commit after a later one; the unique key above drops what is seen twice); workers'
-- heartbeats older than when notices began are never told. Starting at now(), history is not notified.
create table notice_cursor (
    source  varchar(40) primary key,
    last_id bigint      not null default 0,
    last_at timestamptz not null default now()
);
insert into notice_cursor (source, last_id) select 'submission_event', coalesce(max(id), 0) from submission_event;
insert into notice_cursor (source) values ('scoring_job'), ('scoring_worker');

-- what the producer and the time-left estimate read
create index submission_event_at on submission_event (at);
create index scoring_job_failed_at on scoring_job (finished_at) where status = 'FAILED';
create index scoring_job_measured_rate on scoring_job (ladder, model) where examples_per_second > 0;
