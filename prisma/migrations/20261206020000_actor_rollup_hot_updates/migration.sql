-- The actor-fold job adds to the per-user and per-agent rollups every second, so a row of an active
-- user or agent (its hour, day, week and 5-minute rows) is updated many times. None of these updates
-- changes an indexed column, but at the default fill factor pages are full: most updates moved the
-- row to another page and wrote a new entry into the wide primary key (27 % were HOT). With room on
-- the page they stay on it (HOT, 70 %), the index stops growing with every update and the tables
-- stay smaller under churn. The fold of 40,000 of the bench's events (5,000 users, slices of 3,077
-- as the job takes them): 0.080 → 0.067 ms of PostgreSQL per event (four runs each), ActorCount
-- 19.0 → 17.2 MB, UserDaily and UserWeekly 3.6 → 2.0 MB each (fill factor 50: 0.058 ms, 98 % HOT,
-- but twice the heap for rows written once, as most users' rows are in a quieter workspace).
-- It applies to pages filled from now on: every new hour, day and week is new rows.
ALTER TABLE "ActorCount" SET (fillfactor = 70);
ALTER TABLE "ActorFiveMinute" SET (fillfactor = 70);
ALTER TABLE "UserDaily" SET (fillfactor = 70);
ALTER TABLE "UserWeekly" SET (fillfactor = 70);
ALTER TABLE "AgentDaily" SET (fillfactor = 70);
