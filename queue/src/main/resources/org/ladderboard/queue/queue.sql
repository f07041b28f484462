-- The scoring queue's SQL: every change to a job's life, to a submission's status and to the scores, one named
-- statement each. JobQueue and ScoreStore run them (QueueSql reads this file); nothing else writes these columns.
-- Parameters are positional (?), in the order each statement's comment lists them. docs/database.md has the states.

-- ---------------------------------------------------------------------------------------------------------------
-- Jobs: QUEUED -> RUNNING -> DONE | FAILED | CANCELLED, and RUNNING -> QUEUED on a retry, a release or a lapsed lease
-- ---------------------------------------------------------------------------------------------------------------

-- name: create_job
-- One job per (submission, ladder model, K): K = 0 (the dataset as uploaded) and every K of the round's few-shot
-- sweep, each K > 0 with the round's seed (the default seed when it has none); a second enqueue does nothing.
-- ladder, model, model parameters, examples, default seed, submission
insert into scoring_job (submission_id, ladder, model, model_parameters, examples_total, shots, fewshot_seed)
select s.id, ?, ?, ?, ?, k.shots, case when k.shots > 0 then coalesce(r.fewshot_seed, ?) end
from submission s join round r on r.id = s.round_id
cross join lateral (select distinct unnest(array[0] || r.fewshot_shots) as shots) k
where s.id = ?
on conflict (submission_id, ladder, model, shots) do nothing;

-- name: drop_stale_sweep_jobs
-- After a round's sweep changed: the K > 0 jobs of its submissions that the sweep no longer asks for, or that drew
-- their demonstrations with another seed, go with their scores (by cascade), aggregates and curves.
-- Returns the submissions that lost jobs.
-- round, default seed
with gone as (
    delete from scoring_job j using submission s, round r
    where s.id = j.submission_id and r.id = s.round_id and s.round_id = ? and j.shots > 0
      and (j.shots <> all (r.fewshot_shots) or j.fewshot_seed is distinct from coalesce(r.fewshot_seed, ?))
    returning j.submission_id, j.ladder, j.model, j.shots),
results as (
    delete from model_result m using gone g
    where m.submission_id = g.submission_id and m.ladder = g.ladder and m.model = g.model and m.shots = g.shots),
curves as (
    delete from ladder_curve c using gone g where c.submission_id = g.submission_id and c.shots = g.shots)
select distinct submission_id from gone;

-- name: create_sweep_jobs
-- After a round's sweep changed: every zero-shot job of its live (queued, scoring or scored) submissions gets a
-- sibling for each K of the sweep it lacks, on the same model, with the round's seed.
-- default seed, round
insert into scoring_job (submission_id, ladder, model, model_parameters, examples_total, shots, fewshot_seed)
select j.submission_id, j.ladder, j.model, j.model_parameters, j.examples_total, k.shots, coalesce(r.fewshot_seed, ?)
from scoring_job j join submission s on s.id = j.submission_id join round r on r.id = s.round_id
cross join lateral unnest(r.fewshot_shots) as k(shots)
where s.round_id = ? and j.shots = 0 and k.shots > 0 and s.status in ('QUEUED', 'SCORING', 'SCORED')
on conflict (submission_id, ladder, model, shots) do nothing;

-- name: claim_job
-- The next job: of the preferred model when it has one waiting (a loaded model keeps streaming work), otherwise of
-- the smallest model with work (a bad dataset fails on the cheap model first). Within a model, contestants take
-- turns: the job goes to the contestant whose last job of that model started longest ago (or never).
-- preferred model, preferred ladder, preferred model, worker, lease seconds
with served as (
    select s.account_id, j.ladder, j.model, max(j.started_at) as last_started
    from scoring_job j join submission s on s.id = j.submission_id
    where j.started_at is not null
    group by s.account_id, j.ladder, j.model),
next as (
    select j.id from scoring_job j join submission s on s.id = j.submission_id
      left join served v on v.account_id = s.account_id and v.ladder = j.ladder and v.model = j.model
    where j.status = 'QUEUED' and j.run_after <= now()
      and (cast(? as varchar) is null or (j.ladder = ? and j.model = ?))
    order by j.model_parameters, v.last_started nulls first, j.id
    for update of j skip locked
    limit 1)
update scoring_job j
set status = 'RUNNING', attempt = j.attempt + 1, lease_owner = ?,
    lease_expires_at = now() + make_interval(secs => ?), heartbeat_at = now(),
    started_at = coalesce(j.started_at, now()), updated_at = now(), examples_per_second = null
from next, submission s
where j.id = next.id and s.id = j.submission_id
returning j.id, j.submission_id, j.ladder, j.model, j.attempt, j.max_attempts, j.examples_total, s.task_type,
          j.shots, j.fewshot_seed;

-- name: start_attempt
-- job, attempt, worker
insert into scoring_job_attempt (job_id, attempt, worker) values (?, ?, ?);

-- name: heartbeat_job
-- Renews the lease and publishes progress; no row when the job is no longer this worker's.
-- lease seconds, examples done, examples per second, model load seconds, job, attempt, worker
update scoring_job
set lease_expires_at = now() + make_interval(secs => ?), heartbeat_at = now(), updated_at = now(),
    examples_done = ?, examples_per_second = ?, model_load_seconds = coalesce(?, model_load_seconds)
where id = ? and attempt = ? and status = 'RUNNING' and lease_owner = ?;

-- name: hold_job
-- Locks the job's row for the transaction while this worker still holds it: the fence of every write about it.
-- job, attempt, worker
select 1 from scoring_job
where id = ? and attempt = ? and status = 'RUNNING' and lease_owner = ?
for share;

-- name: mark_job_done
-- examples per second, model load seconds, job, attempt
update scoring_job
set status = 'DONE', examples_done = examples_total, finished_at = now(), updated_at = now(),
    lease_owner = null, lease_expires_at = null, error_kind = null, error_message = null,
    examples_per_second = coalesce(?, examples_per_second),
    model_load_seconds = coalesce(?, model_load_seconds)
where id = ? and attempt = ?;

-- name: fail_job
-- A data error or an internal fault: failed at once, not retried.
-- error kind, message, job, attempt
update scoring_job
set status = 'FAILED', error_kind = ?, error_message = ?, finished_at = now(), updated_at = now(),
    lease_owner = null, lease_expires_at = null
where id = ? and attempt = ?;

-- name: retry_or_fail_job
-- An infrastructure error: back to the queue after an exponential backoff, or failed at the attempt limit.
-- message, backoff seconds, job, attempt
update scoring_job
set status = case when attempt >= max_attempts then 'FAILED' else 'QUEUED' end,
    error_kind = 'INFRASTRUCTURE', error_message = ?,
    run_after = now() + make_interval(secs => ? * power(2, attempt - 1)),
    finished_at = case when attempt >= max_attempts then now() end, updated_at = now(),
    lease_owner = null, lease_expires_at = null
where id = ? and attempt = ?;

-- name: release_job
-- A graceful shutdown hands the job back at once, and the release does not count as an attempt.
-- job, attempt
update scoring_job
set status = 'QUEUED', max_attempts = max_attempts + 1, run_after = now(), updated_at = now(),
    lease_owner = null, lease_expires_at = null
where id = ? and attempt = ?;

-- name: end_attempt
-- outcome, error, job, attempt
update scoring_job_attempt set outcome = ?, ended_at = now(), error = ? where job_id = ? and attempt = ?;

-- name: spare_expired_jobs
-- Before reaping: a lapsed attempt at the limit gets one more when it stored scores (the death was most likely the
-- machine's), or while fewer than the allowed number of attempts died without storing anything.
-- silent deaths allowed before failing, minus one
update scoring_job j set max_attempts = j.max_attempts + 1
where j.status = 'RUNNING' and j.lease_expires_at < now() and j.attempt >= j.max_attempts
  and (exists (select 1 from example_score s where s.job_id = j.id and s.attempt = j.attempt)
       or (select count(*) from scoring_job_attempt a where a.job_id = j.id and a.outcome = 'EXPIRED'
             and not exists (select 1 from example_score s where s.job_id = j.id and s.attempt = a.attempt)) < ?);

-- name: reap_expired_jobs
-- Jobs whose lease lapsed (their worker died or hung) go back to the queue, or fail at the attempt limit.
update scoring_job
set status = case when attempt >= max_attempts then 'FAILED' else 'QUEUED' end,
    error_kind = case when attempt >= max_attempts then 'INFRASTRUCTURE' else error_kind end,
    error_message = case when attempt >= max_attempts
        then 'the worker scoring it stopped answering (' || attempt || ' attempts)' else error_message end,
    finished_at = case when attempt >= max_attempts then now() end,
    run_after = now(), updated_at = now(), lease_owner = null, lease_expires_at = null
where status = 'RUNNING' and lease_expires_at < now()
returning id, attempt, submission_id;

-- name: end_expired_attempt
-- job, attempt
update scoring_job_attempt set outcome = 'EXPIRED', ended_at = now(), error = 'lease expired'
where job_id = ? and attempt = ?;

-- name: cancel_jobs
-- A submission's unfinished jobs; a worker holding one stops at its next heartbeat.
-- submission
update scoring_job
set status = 'CANCELLED', updated_at = now(), finished_at = now(), lease_owner = null, lease_expires_at = null
where submission_id = ? and status in ('QUEUED', 'RUNNING');

-- name: cancel_attempts
-- submission
update scoring_job_attempt a set outcome = 'CANCELLED', ended_at = now()
from scoring_job j
where j.id = a.job_id and j.submission_id = ? and a.outcome is null;

-- name: retry_failed_job
-- An organizer's retry: back to the queue with a fresh set of attempts.
-- job
update scoring_job
set status = 'QUEUED', max_attempts = attempt + 3, run_after = now(), updated_at = now(),
    finished_at = null, error_kind = null, error_message = null
where id = ? and status = 'FAILED'
returning submission_id;

-- name: drop_jobs_and_results
-- Before scoring a submission again: its jobs (and with them every per-example score), aggregates and curves.
-- submission, submission, submission, submission
with jobs as (delete from scoring_job where submission_id = ?),
     results as (delete from model_result where submission_id = ?),
     curves as (delete from ladder_curve where submission_id = ?)
update submission set curves_at = null where id = ?;

-- ---------------------------------------------------------------------------------------------------------------
-- Submissions: VALIDATED -> QUEUED -> SCORING -> SCORED | FAILED, any unfinished -> CANCELLED,
-- FAILED -> QUEUED (a retried job), SCORED | FAILED -> QUEUED (scored again). Each change writes its event.
-- ---------------------------------------------------------------------------------------------------------------

-- name: queue_submission
-- A validated submission whose jobs were created.
-- submission, note
with changed as (
    update submission set status = 'QUEUED', updated_at = now()
    where id = ? and status = 'VALIDATED' returning id)
insert into submission_event (submission_id, status, note) select id, 'QUEUED', ? from changed;

-- name: follow_jobs
-- A submission's status follows its jobs: any failed -> FAILED, all done -> SCORED, any started -> SCORING.
-- submission, note
with target as (
    select s.id, case
        when exists (select 1 from scoring_job where submission_id = s.id and status = 'FAILED') then 'FAILED'
        when not exists (select 1 from scoring_job where submission_id = s.id and status <> 'DONE') then 'SCORED'
        when exists (select 1 from scoring_job where submission_id = s.id and status in ('RUNNING', 'DONE'))
            then 'SCORING'
        else 'QUEUED' end as next
    from submission s where s.id = ? and s.status in ('QUEUED', 'SCORING', 'FAILED')),
changed as (
    update submission s set status = t.next, updated_at = now()
    from target t where s.id = t.id and s.status <> t.next
    returning s.id, s.status)
insert into submission_event (submission_id, status, note) select id, status, ? from changed;

-- name: cancel_submission
-- submission, note
with changed as (
    update submission set status = 'CANCELLED', updated_at = now()
    where id = ? and status in ('VALIDATED', 'QUEUED', 'SCORING') returning id)
insert into submission_event (submission_id, status, note) select id, 'CANCELLED', ? from changed;

-- name: requeue_retried_submission
-- A failed submission goes back to QUEUED once none of its jobs is failed any more.
-- submission, submission
with changed as (
    update submission set status = 'QUEUED', updated_at = now()
    where id = ? and status = 'FAILED'
      and not exists (select 1 from scoring_job where submission_id = ? and status = 'FAILED')
    returning id)
insert into submission_event (submission_id, status, note) select id, 'QUEUED', 'failed job re-queued' from changed;

-- name: requeue_rescored_submission
-- A scored or failed submission queued for scoring again by an organizer.
-- submission, actor
with changed as (
    update submission set status = 'QUEUED', updated_at = now()
    where id = ? and status in ('SCORED', 'FAILED') returning id)
insert into submission_event (submission_id, status, note, actor_id)
select id, 'QUEUED', 're-scored by an organizer', ? from changed;

-- ---------------------------------------------------------------------------------------------------------------
-- Workers, as the organizer's queue page shows them
-- ---------------------------------------------------------------------------------------------------------------

-- name: worker_heartbeat
-- worker, host, current job, current model, examples per second
insert into scoring_worker (id, host, heartbeat_at, current_job_id, current_model, examples_per_second)
values (?, ?, now(), ?, ?, ?)
on conflict (id) do update set heartbeat_at = now(), current_job_id = excluded.current_job_id,
    current_model = excluded.current_model, examples_per_second = excluded.examples_per_second,
    stopped_at = null;

-- name: worker_stopped
-- worker
update scoring_worker set stopped_at = now(), current_job_id = null, current_model = null where id = ?;

-- ---------------------------------------------------------------------------------------------------------------
-- Scores
-- ---------------------------------------------------------------------------------------------------------------

-- name: insert_example
-- One parsed row of an upload (ExampleTable is the table's only writer and reader).
-- submission, part, position, row, line, prompt, other prompt, classes, answer index, completion, extra columns
insert into example (submission_id, part_id, position, row_number, line_number, prompt, other_prompt,
                     classes, answer_index, completion, extra)
values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb);

-- name: examples
-- A submission's examples in file order: all of them, or (given a model) those with no score yet on that model
-- and K.
-- submission, model (null for all), ladder, model, shots
select e.id, e.position, p.name, e.row_number, e.line_number, e.prompt, e.other_prompt, e.classes::text,
       e.answer_index, e.completion, e.extra::text
from example e join submission_part p on p.id = e.part_id
where e.submission_id = ?
  and (cast(? as varchar) is null
       or not exists (select 1 from example_score s where s.example_id = e.id and s.ladder = ? and s.model = ? and s.shots = ?))
order by e.position;

-- name: insert_score
-- One example's score; a score already there (from an earlier attempt) is kept.
-- example, ladder, model, submission, job, attempt, class log-probs, class token counts, loss, correct, predicted,
-- total log-prob, token count, log-odds difference, truncated, error, the whole record (ScoreRecord), shots
insert into example_score (example_id, ladder, model, submission_id, job_id, attempt, class_logprobs,
                           class_token_counts, loss, correct, predicted, total_logprob, token_count,
                           logodds_difference, truncated, error, record, shots)
values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
on conflict (example_id, ladder, model, shots) do nothing;

-- name: count_scores
-- submission, ladder, model, shots
select count(*) from example_score where submission_id = ? and ladder = ? and model = ? and shots = ?;

-- name: aggregate_model
-- The model's aggregates from every stored score; standard errors are sd/sqrt(n) over the scored examples.
-- exp below -745 is under the smallest double, which PostgreSQL raises as an error instead of giving 0.
-- submission, ladder, model, shots, model parameters, submission, ladder, model, shots
insert into model_result (submission_id, ladder, model, shots, model_parameters, examples_scored, errors,
                          truncated, mean_loss, loss_stderr, accuracy, accuracy_stderr, option_mass,
                          mean_logodds, logodds_stderr)
select ?, ?, ?, ?, ?,
       count(*) filter (where error is null), count(*) filter (where error is not null),
       count(*) filter (where truncated),
       avg(loss), stddev_samp(loss) / sqrt(count(loss)),
       avg(correct::int), stddev_samp(correct::int) / sqrt(count(correct)),
       avg(case when total_logprob > -745 then exp(total_logprob) else 0 end),
       avg(logodds_difference), stddev_samp(logodds_difference) / sqrt(count(logodds_difference))
from example_score where submission_id = ? and ladder = ? and model = ? and shots = ?
on conflict (submission_id, ladder, model, shots) do update set
    examples_scored = excluded.examples_scored, errors = excluded.errors, truncated = excluded.truncated,
    mean_loss = excluded.mean_loss, loss_stderr = excluded.loss_stderr, accuracy = excluded.accuracy,
    accuracy_stderr = excluded.accuracy_stderr, option_mass = excluded.option_mass,
    mean_logodds = excluded.mean_logodds, logodds_stderr = excluded.logodds_stderr,
    computed_at = now();

-- ---------------------------------------------------------------------------------------------------------------
-- Scaling curves: computed once, in the transaction that makes a submission SCORED (and for scored submissions
-- that have none, e.g. after an upgrade); pages only read them. A re-score deletes them (drop_jobs_and_results).
-- The one freshness rule: a SCORED submission's stored curves are current exactly when its curves_at is set.
-- ---------------------------------------------------------------------------------------------------------------

-- name: scored_submission
-- The task type of a submission that is SCORED now; no row otherwise.
-- submission
select task_type from submission where id = ? and status = 'SCORED';

-- name: scored_without_curves
-- Scored submissions whose curves were never computed in full (scored before curves were stored this way, or by a
-- worker that does not know all of their ladders), oldest first, locked for the caller's transaction (another
-- instance skips them).
-- limit
select id from submission where status = 'SCORED' and curves_at is null order by id limit ? for update skip locked;

-- name: curve_ladders
-- submission
select distinct ladder from scoring_job where submission_id = ? and status = 'DONE' order by ladder;

-- name: curve_parts
-- submission
select id, name from submission_part where submission_id = ? order by position;

-- name: curve_shots
-- The K's a ladder's curves are drawn for: those whose every job on the ladder is done (a K added to a scored
-- submission's round gets its curves once all its models are scored).
-- submission, ladder
select shots from scoring_job where submission_id = ? and ladder = ?
group by shots having bool_and(status = 'DONE') order by shots;

-- name: curve_done_models
-- submission, ladder, shots
select distinct model from scoring_job where submission_id = ? and ladder = ? and shots = ? and status = 'DONE';

-- name: curve_truncated_share
-- Each model's share of K-shot prompts cut on the left to fit its context, largest first.
-- submission, ladder, shots
select model, avg(truncated::int) from example_score where submission_id = ? and ladder = ? and shots = ?
group by model order by 2 desc, model;

-- name: curve_scores
-- One model's scored examples in file order, in a view's metric, with each example's number of classes.
-- view, submission, ladder, model, shots, part, part
select e.position,
       case ? when 'accuracy' then case when s.correct then 1.0 else 0.0 end
              when 'logodds' then s.logodds_difference else s.loss end,
       coalesce(jsonb_array_length(e.classes), 0)
from example_score s join example e on e.id = s.example_id
where s.submission_id = ? and s.ladder = ? and s.model = ? and s.shots = ? and s.error is null
  and (cast(? as bigint) is null or e.part_id = ?)
order by e.position;

-- name: drop_curves
-- submission
delete from ladder_curve where submission_id = ?;

-- name: store_curve
-- submission, ladder, view, shots, verdict, strength, drop, curve, model most prompts did not fit, that share
insert into ladder_curve (submission_id, ladder, view, shots, verdict, strength, drop_best_to_largest, curve,
                          unfit_model, unfit_share)
values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?);

-- name: mark_curves_computed
-- submission
update submission set curves_at = now() where id = ?;

-- name: mark_curves_incomplete
-- Curves recomputed by a worker that lacks one of the ladders (a scored submission's new K finished there): the
-- backfill completes them.
-- submission
update submission set curves_at = null where id = ?;
