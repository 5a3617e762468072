// fhir-validate.js: checks FHIR R4 bundles with the npm package "fhir"
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
//   NODE_PATH=…/node_modules node fhir-validate.js FILE.json…
//
// Speaks TAP, one test a file. An error fails the file, and so does any
// warning but a code not found in a value set: the package has no
// terminology server, and Plainly's own codes (README, "FHIR") are in
// none of HL7's value sets.
'use strict';

const fs = require('fs');
const { Fhir } = require('fhir');

const fhir = new Fhir();
const files = process.argv.slice(2);
let failed = 0;

files.forEach((file, i) => {
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
  const result = fhir.validate(bundle, {});
  const problems = result.messages.filter((m) =>
    m.severity === 'error' ||
    (m.severity === 'warning' && !/not found in value set/.test(m.message)));
  const name = file.split('/').pop();

  if (result.valid && problems.length === 0) {
    console.log(`ok ${i + 1} - ${name}: ${bundle.entry.length} resources valid FHIR R4`);
  } else {
    failed++;
    console.log(`not ok ${i + 1} - ${name}`);
    problems.slice(0, 20).forEach((m) =>
      console.log(`# ${m.severity} ${m.resourceId} ${m.location}: ${m.message}`));
  }
});
console.log(`1..${files.length}`);
process.exit(failed === 0 ? 0 : 1);
