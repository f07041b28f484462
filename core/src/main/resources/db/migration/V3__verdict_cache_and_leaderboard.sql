-- Verdicts are costly (2,000 bootstrap replicates and 2,000 permutations each), so each (submission, ladder, view)
-- curve is computed once and kept until its scores change (the fingerprint counts them).
create table ladder_curve (
    submission_id bigint       not null references submission (id) on delete cascade,
    ladder        varchar(100) not null,
    view          varchar(20)  not null,
    fingerprint   varchar(100) not null,
    verdict       varchar(20)  not null,
    strength      varchar(20),
    drop_best_to_largest double precision,
    curve         jsonb        not null,
    computed_at   timestamptz  not null default now(),
    primary key (submission_id, ladder, view)
);

-- contestants see the leaderboard only once organizers reveal it
alter table round add column leaderboard_revealed boolean not null default false;
