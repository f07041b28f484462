-- organizers can disable an account (it can no longer sign in or use its API tokens) without deleting its history
alter table account add column enabled boolean not null default true;
