-- A judge's review of a submission on the prize's rubric. A judge with a conflict of interest records it and
-- scores nothing; an override of the computed verdict keeps both, with the judge's reason.
create table review (
    id                   bigserial primary key,
    submission_id        bigint      not null references submission (id) on delete cascade,
    judge_id             bigint      not null references account (id),
    conflict_of_interest boolean     not null default false,
    strength             smallint check (strength between 1 and 5),
    generality           smallint check (generality between 1 and 5),
    importance           smallint check (importance between 1 and 5),
    novelty              smallint check (novelty between 1 and 5),
    coverage             smallint check (coverage between 1 and 5),
    reproducibility      smallint check (reproducibility between 1 and 5),
    notes                jsonb       not null default '{}',
    verdict_override     varchar(20) check (verdict_override in ('inverse', 'standard', 'u_shaped', 'inverted_u', 'flat',
                                                                 'inconclusive')),
    override_reason      text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    unique (submission_id, judge_id),
    check (verdict_override is null or length(trim(override_reason)) > 0)
);
