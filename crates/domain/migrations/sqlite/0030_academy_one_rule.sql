-- The academy runs on consent alone: stopping as participant withdraws it, and everything of
-- the academy goes at once, the trainings followed included (docs/security.md "Retention").
-- Until now a stop kept the training history for years, counted in academy_departures. The
-- new rule applies to those who already stopped and did not register again: their history
-- goes now, and the count-down table with it.
DELETE FROM enrolments WHERE account_id IN (
    SELECT d.account_id FROM academy_departures d
    WHERE NOT EXISTS (SELECT 1 FROM participants p WHERE p.account_id = d.account_id)
);
DROP TABLE academy_departures;
