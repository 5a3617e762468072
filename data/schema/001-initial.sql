-- Plainly schema, version 1.
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Column names match the C field names in src/core/pl-model.h. Enumerations are
-- stored as their nicks so the file stays readable with any SQLite tool.
-- AUTOINCREMENT: an id is never reused, so history never mixes two records.

CREATE TABLE services (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  name                TEXT NOT NULL,
  phone               TEXT,
  email               TEXT,
  address             TEXT,
  hours               TEXT,
  out_of_hours        TEXT,
  commissioner        TEXT,
  commissioner_phone  TEXT,
  commissioner_email  TEXT,
  regulator           TEXT,
  regulator_phone     TEXT
) STRICT;

CREATE TABLE people (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  external_id         TEXT UNIQUE,
  service_id          INTEGER REFERENCES services (id) ON DELETE SET NULL,
  full_name           TEXT NOT NULL,
  preferred_name      TEXT,
  date_of_birth       TEXT,
  preferred_language  TEXT,
  pin_hash            TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;

CREATE TABLE comm_needs (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id           INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  category            TEXT NOT NULL,
  code                TEXT,
  description         TEXT NOT NULL,
  notes               TEXT
) STRICT;
CREATE INDEX comm_needs_person ON comm_needs (person_id);

CREATE TABLE settings (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id           INTEGER NOT NULL UNIQUE REFERENCES people (id) ON DELETE CASCADE,
  text_size           INTEGER NOT NULL,
  theme               TEXT,
  font                TEXT,
  line_spacing        REAL NOT NULL,
  paragraph_spacing   REAL NOT NULL,
  letter_spacing      REAL NOT NULL,
  voice               TEXT,
  speech_rate         INTEGER NOT NULL,
  speech_pitch        INTEGER NOT NULL,
  speech_volume       INTEGER NOT NULL,
  pause_ms            INTEGER NOT NULL,
  read_aloud          INTEGER NOT NULL,
  talking_buttons     INTEGER NOT NULL,
  lock_minutes        INTEGER NOT NULL
) STRICT;

CREATE TABLE contacts (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id           INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role                TEXT NOT NULL,
  position            INTEGER NOT NULL,
  name                TEXT NOT NULL,
  relationship        TEXT,
  organisation        TEXT,
  phone               TEXT,
  email               TEXT,
  address             TEXT,
  notes               TEXT
) STRICT;
CREATE INDEX contacts_person ON contacts (person_id);

CREATE TABLE sharing (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id          INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  scope               TEXT NOT NULL,
  UNIQUE (contact_id, scope)
) STRICT;

CREATE TABLE plans (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id           INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  version             INTEGER NOT NULL,
  status              TEXT NOT NULL,
  start_date          TEXT,
  last_review         TEXT,
  next_review         TEXT,
  coordinator_id      INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  agreed_on           TEXT,
  agreed_by           TEXT,
  agreement           TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (person_id, version)
) STRICT;

CREATE TABLE plan_sections (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id             INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  kind                TEXT NOT NULL,
  body                TEXT,
  UNIQUE (plan_id, kind)
) STRICT;

CREATE TABLE outcomes (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id             INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position            INTEGER NOT NULL,
  outcome             TEXT NOT NULL,
  measure             TEXT,
  progress            TEXT
) STRICT;
CREATE INDEX outcomes_plan ON outcomes (plan_id);

CREATE TABLE visits (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id             INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position            INTEGER NOT NULL,
  weekday             INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 7),
  start_time          TEXT NOT NULL,
  duration            INTEGER NOT NULL CHECK (duration > 0),
  purpose             TEXT,
  tasks               TEXT
) STRICT;
CREATE INDEX visits_plan ON visits (plan_id);

CREATE TABLE medicines (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id             INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position            INTEGER NOT NULL,
  name                TEXT NOT NULL,
  purpose             TEXT,
  dose                TEXT,
  timing              TEXT,
  support             TEXT,
  if_missed           TEXT,
  contact             TEXT
) STRICT;
CREATE INDEX medicines_plan ON medicines (plan_id);

CREATE TABLE risks (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id             INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position            INTEGER NOT NULL,
  activity            TEXT NOT NULL,
  benefits            TEXT,
  strategies          TEXT,
  implications_person TEXT,
  implications_worker TEXT
) STRICT;
CREATE INDEX risks_plan ON risks (plan_id);

CREATE TABLE welcome_packs (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  service_id          INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  title               TEXT NOT NULL,
  introduction        TEXT,
  what_to_expect      TEXT,
  rights              TEXT,
  not_happy           TEXT,
  funding             TEXT,
  support_groups      TEXT,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX welcome_packs_service ON welcome_packs (service_id);

CREATE TABLE complaints (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id           INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  kind                TEXT NOT NULL,
  reference           TEXT UNIQUE,
  status              TEXT NOT NULL,
  what_happened       TEXT,
  when_happened       TEXT,
  who_involved        TEXT,
  put_right           TEXT,
  reply_method        TEXT,
  helped_by           TEXT,
  response_due        TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX complaints_person ON complaints (person_id);

CREATE TABLE complaint_events (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  complaint_id        INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  status              TEXT NOT NULL,
  at                  TEXT NOT NULL,
  note                TEXT,
  actor               TEXT
) STRICT;
CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id);

CREATE TABLE diary_entries (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id           INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  visit_date          TEXT NOT NULL,
  planned_time        TEXT,
  arrived             TEXT,
  departed            TEXT,
  outcome             TEXT NOT NULL,
  worker              TEXT,
  what_done           TEXT,
  how_i_was           TEXT,
  follow_up           TEXT,
  action_taken        TEXT,
  created_at          TEXT NOT NULL
) STRICT;
CREATE INDEX diary_entries_person_date ON diary_entries (person_id, visit_date, planned_time);

-- Full-text search over the diary, kept in step by triggers.
CREATE VIRTUAL TABLE diary_fts USING fts5 (
  what_done, how_i_was, follow_up, action_taken,
  content = 'diary_entries', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER diary_fts_insert AFTER INSERT ON diary_entries BEGIN
  INSERT INTO diary_fts (rowid, what_done, how_i_was, follow_up, action_taken)
  VALUES (new.id, new.what_done, new.how_i_was, new.follow_up, new.action_taken);
END;
CREATE TRIGGER diary_fts_delete AFTER DELETE ON diary_entries BEGIN
  INSERT INTO diary_fts (diary_fts, rowid, what_done, how_i_was, follow_up, action_taken)
  VALUES ('delete', old.id, old.what_done, old.how_i_was, old.follow_up, old.action_taken);
END;
CREATE TRIGGER diary_fts_update AFTER UPDATE ON diary_entries BEGIN
  INSERT INTO diary_fts (diary_fts, rowid, what_done, how_i_was, follow_up, action_taken)
  VALUES ('delete', old.id, old.what_done, old.how_i_was, old.follow_up, old.action_taken);
  INSERT INTO diary_fts (rowid, what_done, how_i_was, follow_up, action_taken)
  VALUES (new.id, new.what_done, new.how_i_was, new.follow_up, new.action_taken);
END;

CREATE TABLE staff (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  username            TEXT NOT NULL UNIQUE,
  display_name        TEXT NOT NULL,
  role                TEXT NOT NULL,
  password_hash       TEXT,
  failed_attempts     INTEGER NOT NULL DEFAULT 0,
  locked_until        TEXT,
  created_at          TEXT NOT NULL
) STRICT;

-- Every change to every record: who, when, which record, old and new value.
CREATE TABLE history (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  at                  TEXT NOT NULL,
  actor               TEXT NOT NULL,
  table_name          TEXT NOT NULL,
  record_id           INTEGER NOT NULL,
  field               TEXT NOT NULL,
  old_value           TEXT,
  new_value           TEXT
) STRICT;
CREATE INDEX history_record ON history (table_name, record_id);
