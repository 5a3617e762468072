-- Plainly schema, version 4: drafts that survive a crash, and what each
-- person last saw of their plan (NG86 1.4.8).
-- SPDX-License-Identifier: GPL-3.0-or-later

-- A form's content as it is typed, until it is saved or thrown away.
-- staff_id: who is typing (NULL when it is the person themself);
-- person_id: whose record it is, so the draft goes with them when they are
-- removed (NULL for records about nobody in particular, a welcome pack).
-- record_id NULL: a record not saved yet, told apart by new_key.
CREATE TABLE drafts (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  staff_id            INTEGER REFERENCES staff (id) ON DELETE CASCADE,
  person_id           INTEGER REFERENCES people (id) ON DELETE CASCADE,
  table_name          TEXT NOT NULL,
  record_id           INTEGER,
  new_key             TEXT,
  content             TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX drafts_staff ON drafts (staff_id);
CREATE INDEX drafts_person ON drafts (person_id);

-- The plan as the person last saw it, so "what has changed since you last
-- looked" can be shown, whether the change came as a new version or not
CREATE TABLE plan_views (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id           INTEGER NOT NULL UNIQUE REFERENCES people (id) ON DELETE CASCADE,
  plan_id             INTEGER REFERENCES plans (id) ON DELETE SET NULL,
  snapshot            TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
