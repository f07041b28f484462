-- big exports run in the background and wait here until downloaded
create table export_job (
    id           bigserial primary key,
    round_id     bigint      not null references round (id) on delete cascade,
    kind         varchar(40) not null,
    status       varchar(10) not null check (status in ('QUEUED', 'RUNNING', 'READY', 'FAILED')),
    requested_by bigint      not null references account (id),
    content      bytea,
    bytes        bigint,
    error        text,
    created_at   timestamptz not null default now(),
    finished_at  timestamptz
);
