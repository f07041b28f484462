-- curves are also kept per part of a multi-part submission: the view key then names the part
alter table ladder_curve alter column view type varchar(300);
