-- A round's ladder may be held out (the prize's private models): its results are scored like any other but shown
-- to judges and organizers only, until an organizer releases it. Releasing is final: released_at stays set.
alter table round_ladder add column held_out boolean not null default false;
alter table round_ladder add column released_at timestamptz;
alter table round_ladder add constraint round_ladder_released_only_when_held_out
    check (released_at is null or held_out);
