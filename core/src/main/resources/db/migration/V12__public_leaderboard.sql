-- An organizer may show a round's revealed leaderboard, and the task cards it links to, to visitors who are not
-- signed in. Off by default: a revealed leaderboard is for signed-in contestants only, as before.
alter table round add column leaderboard_public boolean not null default false;
