-- What the scoring workers write: per-example scores (unique per example and model, so a redelivered job cannot
-- duplicate them), per-model aggregates, the attempts each job took, and the workers themselves.

alter table scoring_job
    add column examples_per_second double precision,
    add column model_load_seconds  double precision;

create table example_score (
    example_id         bigint      not null references example (id) on delete cascade,
    ladder             varchar(100) not null,
    model              varchar(100) not null,
    submission_id      bigint      not null references submission (id) on delete cascade,
    job_id             bigint      not null references scoring_job (id) on delete cascade,
    attempt            integer     not null,
    class_logprobs     jsonb,
    class_token_counts jsonb,
    loss               double precision,
    correct            boolean,
    predicted          integer,
    total_logprob      double precision,
    token_count        integer,
    logodds_difference double precision,
    truncated          boolean     not null default false,
    error              text,
    scored_at          timestamptz not null default now(),
    primary key (example_id, ladder, model)
);
create index example_score_job on example_score (job_id);
create index example_score_submission on example_score (submission_id, ladder, model);

-- one row per (submission, ladder, model) once its job is done
create table model_result (
    submission_id    bigint       not null references submission (id) on delete cascade,
    ladder           varchar(100) not null,
    model            varchar(100) not null,
    model_parameters bigint       not null,
    examples_scored  integer      not null,
    errors           integer      not null,
    truncated        integer      not null,
    mean_loss        double precision,
    loss_stderr      double precision,
    accuracy         double precision,
    accuracy_stderr  double precision,
    option_mass      double precision,
    mean_logodds     double precision,
    logodds_stderr   double precision,
    computed_at      timestamptz  not null default now(),
    primary key (submission_id, ladder, model)
);

-- every claim of a job: who held it, how it ended
create table scoring_job_attempt (
    job_id     bigint       not null references scoring_job (id) on delete cascade,
    attempt    integer      not null,
    worker     varchar(200) not null,
    started_at timestamptz  not null default now(),
    ended_at   timestamptz,
    outcome    varchar(20) check (outcome in ('DONE', 'FAILED', 'RETRY', 'EXPIRED', 'CANCELLED', 'RELEASED')),
    error      text,
    primary key (job_id, attempt)
);

create table scoring_worker (
    id                  varchar(200) primary key,
    host                varchar(200) not null,
    started_at          timestamptz  not null default now(),
    heartbeat_at        timestamptz  not null default now(),
    current_job_id      bigint,
    current_model       varchar(100),
    examples_per_second double precision,
    stopped_at          timestamptz
);
