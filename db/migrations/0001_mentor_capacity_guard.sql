-- Mentor capacity is enforced by the database. A staged proposal reserves a place: proposed and active
-- pairings together may not exceed the capacity. An approval (proposed → active) checks the active
-- pairings again, because the mentor may have lowered their capacity since. The mentor's profile row
-- is locked first, so two admins acting at the same moment are serialised and the second one sees
-- the first one's pairing.
CREATE OR REPLACE FUNCTION enforce_mentor_capacity() RETURNS trigger AS $$
DECLARE
  cap integer;
  open_count integer;
BEGIN
  IF NEW.state NOT IN ('proposed', 'active') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.state = NEW.state AND OLD.mentor_id = NEW.mentor_id THEN
    RETURN NEW; -- nothing that counts has changed
  END IF;
  SELECT capacity INTO cap FROM mentor_profiles WHERE user_id = NEW.mentor_id FOR UPDATE;
  IF cap IS NULL THEN
    RAISE EXCEPTION 'mentor % has no profile', NEW.mentor_id USING ERRCODE = 'check_violation';
  END IF;
  SELECT count(*) INTO open_count FROM pairings
    WHERE mentor_id = NEW.mentor_id AND id <> NEW.id
      AND (state = 'active' OR (NEW.state = 'proposed' AND state = 'proposed'));
  IF open_count + 1 > cap THEN
    RAISE EXCEPTION 'mentor_capacity_exceeded: mentor % already has % of % places filled', NEW.mentor_id, open_count, cap
      USING ERRCODE = 'check_violation', CONSTRAINT = 'mentor_capacity';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pairings_mentor_capacity
  BEFORE INSERT OR UPDATE OF state, mentor_id ON pairings
  FOR EACH ROW EXECUTE FUNCTION enforce_mentor_capacity();
