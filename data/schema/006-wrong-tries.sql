-- Plainly schema, version 6: wrong tries of a PIN, kept on the disk.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Wrong tries in a row of a person's or a carer's PIN, or of a staff user
-- name that does not exist, and when the next try may be made (ISO 8601
-- UTC; NULL: now). Kept in the file rather than in the window's memory, so
-- closing Plainly does not end the wait. Staff accounts keep their own
-- count in staff.failed_attempts. A row goes when the right PIN is given.
CREATE TABLE wrong_tries (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id           INTEGER UNIQUE REFERENCES people (id) ON DELETE CASCADE,
  carer_id            INTEGER UNIQUE REFERENCES carers (id) ON DELETE CASCADE,
  username            TEXT UNIQUE,
  failures            INTEGER NOT NULL CHECK (failures > 0),
  wait_until          TEXT,
  CHECK ((person_id IS NOT NULL) + (carer_id IS NOT NULL) + (username IS NOT NULL) = 1)
) STRICT;
