// Reads what a Windows PE file (DLL, .node, .exe) says about itself, for the build checks:
// its machine, its exported names, and the DLLs (and functions) it imports, plain and
// delay-loaded. Written here rather than taken from binutils because Debian's mingw objdump
// reads x64 files only, and the arm64 build must be checked too.
//
// Usage: node inspect-pe.cjs <file>   → JSON on stdout
'use strict';
/* global require, module, console, process */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node */
const fs = require('node:fs');

const machines = { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'x86', 0x1c4: 'arm' };

function inspectPe(buffer) {
  const fail = (why) => {
    throw new Error(`not a PE file this reader understands: ${why}`);
  };
  if (buffer.length < 0x40 || buffer.readUInt16LE(0) !== 0x5a4d) fail('no MZ header');
  const pe = buffer.readUInt32LE(0x3c);
  if (pe + 24 > buffer.length || buffer.readUInt32LE(pe) !== 0x4550) fail('no PE signature');
  const machineCode = buffer.readUInt16LE(pe + 4);
  const sectionCount = buffer.readUInt16LE(pe + 6);
  const optionalSize = buffer.readUInt16LE(pe + 20);
  const characteristics = buffer.readUInt16LE(pe + 22);
  const optional = pe + 24;
  const magic = buffer.readUInt16LE(optional);
  if (magic !== 0x20b) fail('not PE32+');
  const directories = optional + 112;
  const directory = (index) => ({
    rva: buffer.readUInt32LE(directories + index * 8),
    size: buffer.readUInt32LE(directories + index * 8 + 4),
  });
  const sections = [];
  for (let i = 0, at = optional + optionalSize; i < sectionCount; i++, at += 40) {
    sections.push({
      name: buffer.toString('latin1', at, at + 8).replace(/\0+$/, ''),
      virtualSize: buffer.readUInt32LE(at + 8),
      rva: buffer.readUInt32LE(at + 12),
      rawSize: buffer.readUInt32LE(at + 16),
      raw: buffer.readUInt32LE(at + 20),
    });
  }
  const offsetOf = (rva) => {
    for (const s of sections) {
      if (rva >= s.rva && rva < s.rva + Math.max(s.virtualSize, s.rawSize))
        return rva - s.rva + s.raw;
    }
    fail(`RVA 0x${rva.toString(16)} is in no section`);
  };
  const stringAt = (rva) => {
    const start = offsetOf(rva);
    const end = buffer.indexOf(0, start);
    return buffer.toString('latin1', start, end < 0 ? buffer.length : end);
  };

  const exports = [];
  const exportDir = directory(0);
  if (exportDir.rva !== 0) {
    const at = offsetOf(exportDir.rva);
    const nameCount = buffer.readUInt32LE(at + 24);
    const names = offsetOf(buffer.readUInt32LE(at + 32));
    for (let i = 0; i < nameCount; i++) exports.push(stringAt(buffer.readUInt32LE(names + i * 4)));
  }

  // Import lookup tables: 64-bit entries; the top bit set means by ordinal.
  const functionsAt = (tableRva) => {
    const functions = [];
    if (tableRva === 0) return functions;
    for (let at = offsetOf(tableRva); ; at += 8) {
      const low = buffer.readUInt32LE(at);
      const high = buffer.readUInt32LE(at + 4);
      if (low === 0 && high === 0) break;
      functions.push(high & 0x80000000 ? `#${low & 0xffff}` : stringAt(low + 2));
    }
    return functions;
  };
  const imports = [];
  const importDir = directory(1);
  if (importDir.rva !== 0) {
    for (let at = offsetOf(importDir.rva); buffer.readUInt32LE(at + 12) !== 0; at += 20) {
      const lookup = buffer.readUInt32LE(at) || buffer.readUInt32LE(at + 16);
      imports.push({ dll: stringAt(buffer.readUInt32LE(at + 12)), functions: functionsAt(lookup) });
    }
  }
  const delayImports = [];
  const delayDir = directory(13);
  if (delayDir.rva !== 0) {
    for (let at = offsetOf(delayDir.rva); buffer.readUInt32LE(at + 4) !== 0; at += 32) {
      delayImports.push({
        dll: stringAt(buffer.readUInt32LE(at + 4)),
        functions: functionsAt(buffer.readUInt32LE(at + 16)),
      });
    }
  }
  return {
    machine: machines[machineCode] ?? `0x${machineCode.toString(16)}`,
    dll: (characteristics & 0x2000) !== 0,
    exports,
    imports,
    delayImports,
  };
}

module.exports = { inspectPe };

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node inspect-pe.cjs <file>');
    process.exit(2);
  }
  try {
    console.log(JSON.stringify(inspectPe(fs.readFileSync(file)), null, 2));
  } catch (error) {
    console.error(`inspect-pe: ${file}: ${error.message}`);
    process.exit(1);
  }
}
