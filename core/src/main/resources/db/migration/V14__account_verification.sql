-- Sign-ups that cost the organisers less: a new account may wait for its e-mail address to be confirmed (when the
-- server sends mail) and for an organizer's approval (when the organizers ask for it). Existing accounts are both.
alter table account add column email_confirmed boolean not null default true;
alter table account add column approved boolean not null default true;
-- SHA-256 of the link's token: the link itself is only in the mail
alter table account add column confirmation_token_hash text unique;
alter table account add column confirmation_expires_at timestamptz;

-- the organizers' registration settings: one row
create table registration_policy (
    id int primary key check (id = 1),
    approval_required boolean not null default false
);
insert into registration_policy (id) values (1);
