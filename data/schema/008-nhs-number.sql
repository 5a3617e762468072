-- Plainly schema, version 8: the person's NHS number.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Ten digits whose last is the modulus-11 check digit of the nine before
-- it (pl_text_is_nhs_number ()); checked when saved, so no CHECK here: a
-- file written by another program reads a wrong number as none. Kept so a
-- plan can travel to another care record (FHIR) with the number the NHS
-- knows the person by.
ALTER TABLE people ADD COLUMN nhs_number TEXT;
