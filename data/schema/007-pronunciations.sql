-- Plainly schema, version 7: how names, places and medicines are said.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- A word or words as written ("Whitaker") and how the voice should say them:
-- a respelling in the voice's language ("Whit-acker") or espeak-ng phonemes
-- in double brackets ("[[w'ItAk@]]"). For the whole service (service_id) or
-- for one person (person_id), whose entries come before the service's.
-- language: the voice it is for ("en-GB", "cy").
CREATE TABLE pronunciations (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  service_id          INTEGER REFERENCES services (id) ON DELETE CASCADE,
  person_id           INTEGER REFERENCES people (id) ON DELETE CASCADE,
  written             TEXT NOT NULL,
  said                TEXT NOT NULL,
  language            TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  CHECK ((service_id IS NOT NULL) + (person_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX pronunciations_service ON pronunciations (service_id);
CREATE INDEX pronunciations_person ON pronunciations (person_id);
