create table winner (
    round_id      bigint      not null references round (id) on delete cascade,
    submission_id bigint      not null references submission (id) on delete cascade,
    tier          varchar(10) not null check (tier in ('grand', 'second', 'third')),
    chosen_by     bigint      not null references account (id),
    chosen_at     timestamptz not null default now(),
    primary key (round_id, submission_id)
);

-- every organizer and judge decision, in order: who, what, on what
create table audit_event (
    id       bigserial primary key,
    at       timestamptz  not null default now(),
    actor_id bigint references account (id),
    action   varchar(60)  not null,
    subject  varchar(200) not null,
    detail   text         not null default ''
);
create index audit_event_at on audit_event (at desc);
