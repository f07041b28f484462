-- Each per-example score also kept whole, as the score record every output writes (ScoreRecord): a field the
-- engine adds reaches the downloads without a column and a hand-written list per place. The typed columns stay for
-- the aggregates. Scores stored before keep what their columns held.
alter table example_score add column record jsonb;
update example_score set record = jsonb_strip_nulls(jsonb_build_object(
    'class_logprobs', class_logprobs, 'class_token_counts', class_token_counts, 'loss', loss, 'correct', correct,
    'predicted', predicted, 'total_logprob', total_logprob, 'token_count', token_count,
    'logodds_difference', logodds_difference, 'truncated', truncated, 'error', error));
alter table example_score alter column record set not null;
