-- The contest spine: accounts, rounds, submissions with their parts and examples, and the scoring job table
-- that the worker consumes. docs/database.md describes the contract.

create table account (
    id                  bigserial primary key,
    email               varchar(320) not null unique,
    display_name        varchar(120) not null,
    password_hash       varchar(200) not null,
    role                varchar(20)  not null check (role in ('CONTESTANT', 'JUDGE', 'ORGANIZER')),
    created_at          timestamptz  not null default now(),
    password_changed_at timestamptz  not null default now()
);

create table api_token (
    id           bigserial primary key,
    account_id   bigint       not null references account (id) on delete cascade,
    name         varchar(100) not null,
    -- sha256 of the token; the token itself is shown once and never stored
    token_hash   char(64)     not null unique,
    prefix       varchar(16)  not null,
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_account on api_token (account_id);

create table round (
    id                 bigserial primary key,
    name               varchar(200) not null,
    description        text         not null default '',
    opens_at           timestamptz  not null,
    closes_at          timestamptz  not null,
    min_examples       integer      not null default 300 check (min_examples >= 1),
    daily_limit        integer      not null default 5 check (daily_limit >= 0),
    failed_daily_limit integer      not null default 20 check (failed_daily_limit >= 0),
    created_at         timestamptz  not null default now(),
    check (closes_at > opens_at)
);

create table round_ladder (
    round_id bigint       not null references round (id) on delete cascade,
    ladder   varchar(100) not null,
    primary key (round_id, ladder)
);

create table submission (
    id                   bigserial primary key,
    round_id             bigint       not null references round (id),
    account_id           bigint       not null references account (id),
    task_name            varchar(200) not null,
    description          text         not null default '',
    why_important        text         not null default '',
    why_inverse          text         not null default '',
    generation_procedure text         not null default '',
    label_expertise      text         not null default '',
    shots                varchar(20)  not null check (shots in ('zero-shot', 'few-shot')),
    cause                varchar(30)  not null check (cause in ('strong_prior', 'unwanted_imitation', 'distractor_task',
                                                                'spurious_few_shot', 'other')),
    task_type            varchar(30)  not null check (task_type in ('classification', 'classification_acc',
                                                                    'sequence_prob', 'logodds', 'absolute_logodds')),
    status               varchar(20)  not null check (status in ('VALIDATED', 'QUEUED', 'SCORING', 'SCORED', 'FAILED',
                                                                 'CANCELLED')),
    example_count        integer      not null,
    file_name            varchar(255) not null,
    file_sha256          char(64)     not null,
    file_bytes           bigint       not null,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);
create index submission_account_round on submission (account_id, round_id, created_at);
create index submission_round_status on submission (round_id, status);

-- one row per data file: the upload itself, or each .csv/.jsonl inside an uploaded .zip, bytes as sent
create table submission_part (
    id            bigserial primary key,
    submission_id bigint        not null references submission (id) on delete cascade,
    position      integer       not null,
    name          varchar(255)  not null,
    file_name     varchar(1000) not null,
    format        varchar(10)   not null check (format in ('csv', 'jsonl')),
    sha256        char(64)      not null,
    bytes         bigint        not null,
    example_count integer       not null,
    columns       jsonb         not null,
    content       bytea         not null,
    unique (submission_id, position),
    unique (submission_id, name)
);

-- parsed rows, in file order; position is the 0-based index over the whole submission
create table example (
    id            bigserial primary key,
    submission_id bigint  not null references submission (id) on delete cascade,
    part_id       bigint  not null references submission_part (id) on delete cascade,
    position      integer not null,
    row_number    integer not null,
    line_number   integer not null,
    prompt        text    not null,
    other_prompt  text,
    classes       jsonb,
    answer_index  integer,
    completion    text,
    extra         jsonb   not null default '{}',
    unique (submission_id, position)
);
create index example_part on example (part_id, row_number);

create table submission_event (
    id            bigserial primary key,
    submission_id bigint      not null references submission (id) on delete cascade,
    status        varchar(20) not null,
    note          text        not null default '',
    actor_id      bigint references account (id),
    at            timestamptz not null default now()
);
create index submission_event_submission on submission_event (submission_id, id);

-- the warnings an accepted upload carried, as the contestant saw them
create table validation_finding (
    id            bigserial primary key,
    submission_id bigint       not null references submission (id) on delete cascade,
    code          varchar(60)  not null,
    part          varchar(255),
    row_number    integer,
    line_number   integer,
    column_name   varchar(255),
    message       text         not null,
    hint          text         not null,
    count         integer      not null,
    rows          jsonb        not null
);
create index validation_finding_submission on validation_finding (submission_id);

-- every upload through the submit page or API, accepted or not; rejected ones count against the failed cap.
-- Nothing from a rejected file is kept but its name and how many errors it had.
create table upload_attempt (
    id          bigserial primary key,
    account_id  bigint       not null references account (id) on delete cascade,
    round_id    bigint       not null references round (id) on delete cascade,
    file_name   varchar(255) not null,
    error_count integer      not null,
    accepted    boolean      not null,
    at          timestamptz  not null default now()
);
create index upload_attempt_account on upload_attempt (account_id, round_id, at);

-- One job per (submission, ladder model): the worker's queue. See docs/database.md for the state machine.
create table scoring_job (
    id               bigserial primary key,
    submission_id    bigint       not null references submission (id) on delete cascade,
    ladder           varchar(100) not null,
    model            varchar(100) not null,
    model_parameters bigint       not null,
    status           varchar(20)  not null default 'QUEUED'
        check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    attempt          integer      not null default 0,
    max_attempts     integer      not null default 3,
    run_after        timestamptz  not null default now(),
    lease_owner      varchar(200),
    lease_expires_at timestamptz,
    heartbeat_at     timestamptz,
    examples_total   integer      not null,
    examples_done    integer      not null default 0,
    error_kind       varchar(20) check (error_kind in ('DATA', 'INFRASTRUCTURE')),
    error_message    text,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    unique (submission_id, ladder, model)
);
create index scoring_job_claimable on scoring_job (model_parameters, id) where status = 'QUEUED';
create index scoring_job_submission on scoring_job (submission_id);
