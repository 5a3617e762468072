-- Plainly schema, version 10: a language for screens.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- The language the person (or carer) reads Plainly's own words in, a BCP 47
-- tag; NULL: their recorded language (people.preferred_language), or the
-- computer's for a carer. The voice has its own (settings.voice).
ALTER TABLE settings ADD COLUMN language TEXT;
ALTER TABLE carer_settings ADD COLUMN language TEXT;
