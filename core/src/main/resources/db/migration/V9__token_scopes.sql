-- What an API token may do: 'read' (GET under /api) and 'submit' (upload and cancel). Tokens made before scopes
-- existed keep what they could do.
alter table api_token add column scopes varchar(100) not null default 'read,submit';
