-- Few-shot sweeps: a round may have every submission also scored K-shot (K demonstrations written in front of each
-- prompt, drawn with a seed). K = 0 is the dataset as uploaded; every row stored before this migration is K = 0.
alter table round add column fewshot_shots integer[] not null default '{}';
alter table round add column fewshot_seed bigint;
alter table round add constraint round_fewshot_shots_check check (0 <= all (fewshot_shots));

alter table scoring_job add column shots integer not null default 0 check (shots >= 0);
alter table scoring_job add column fewshot_seed bigint;
alter table scoring_job drop constraint scoring_job_submission_id_ladder_model_key;
alter table scoring_job add constraint scoring_job_submission_id_ladder_model_shots_key
    unique (submission_id, ladder, model, shots);

alter table example_score add column shots integer not null default 0 check (shots >= 0);
alter table example_score drop constraint example_score_pkey;
alter table example_score add primary key (example_id, ladder, model, shots);
drop index example_score_submission;
create index example_score_submission on example_score (submission_id, ladder, model, shots);

alter table model_result add column shots integer not null default 0 check (shots >= 0);
alter table model_result drop constraint model_result_pkey;
alter table model_result add primary key (submission_id, ladder, model, shots);

-- a curve per K; a K whose prompts mostly do not fit a model's context keeps a row saying so, with no curve
alter table ladder_curve add column shots integer not null default 0 check (shots >= 0);
alter table ladder_curve drop constraint ladder_curve_pkey;
alter table ladder_curve add primary key (submission_id, ladder, view, shots);
-- the model on which most of a K's prompts had to be cut to fit its context, and that share (0..1); the curve is
-- kept but not plotted
alter table ladder_curve add column unfit_model varchar(100);
alter table ladder_curve add column unfit_share double precision;
