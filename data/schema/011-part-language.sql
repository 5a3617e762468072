-- Plainly schema, version 11: a part's own language.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- The language staff wrote a part of the plan in, a BCP 47 tag, when it is
-- not the person's (a Welsh plan with a part in English); NULL: the
-- person's. The voice reads the part in it.
ALTER TABLE plan_sections ADD COLUMN language TEXT;
