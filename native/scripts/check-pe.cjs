// Checks a built Windows file before `npm run prebuild` ships it (inspect-pe.cjs reads it):
//   addon      its machine, its napi_register_module_v1 export, and no import of node.exe (the
//              addon must load in any host executable: Node-API is delay-imported on x64 and
//              reached through thunks on arm64, and resolved against the host)
//   component  its machine, DllGetActivationFactory and DllCanUnloadNow, and imports of nothing
//              but what every Windows has: it runs in backgroundtaskhost.exe, where there is no
//              node.exe at all (docs/native.md, "The operator task component")
// Prints one line saying what it found, or the problems and exits 1.
//
// Usage: node check-pe.cjs <file> <x64|arm64> <addon|component>
'use strict';
/* global require, console, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { inspectPe } = require(path.join(__dirname, 'inspect-pe.cjs'));

const [file, arch, kind] = process.argv.slice(2);
const rules = {
  addon: { exports: ['napi_register_module_v1'], allowed: (dll) => dll !== 'node.exe' },
  component: {
    exports: ['DllGetActivationFactory', 'DllCanUnloadNow'],
    allowed: (dll) =>
      /^(kernel32|msvcrt|ole32|oleaut32)\.dll$|^api-ms-win-(core-winrt|crt)-/.test(dll),
  },
};
const rule = rules[kind];
if (!file || !arch || !rule) {
  console.error('usage: node check-pe.cjs <file> <x64|arm64> <addon|component>');
  process.exit(2);
}
let pe;
try {
  pe = inspectPe(readFileSync(file));
} catch (error) {
  console.error(`prebuild: ${file}: ${error.message}`);
  process.exit(1);
}
const problems = [];
if (pe.machine !== arch) problems.push(`machine ${pe.machine}, expected ${arch}`);
for (const name of rule.exports) {
  if (!pe.exports.includes(name)) problems.push(`no ${name} export`);
}
const dlls = [...pe.imports, ...pe.delayImports].map((entry) => entry.dll.toLowerCase());
const refused = dlls.filter((dll) => !rule.allowed(dll));
if (refused.length > 0) problems.push(`imports ${refused.join(', ')}`);
if (problems.length > 0) {
  console.error(`prebuild: ${file}: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(
  `prebuild: ${path.basename(file)} (${arch}): exports ${rule.exports.join(', ')}; imports ${dlls.join(' ')}`,
);
