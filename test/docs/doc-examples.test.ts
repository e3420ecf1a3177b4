/**
 * Every TypeScript example in the README, in docs/*.md and in `@example` blocks of the public
 * API is type-checked against the real package, so documentation cannot drift from the code.
 */

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');
const outDir = path.join(root, '.cache', 'doc-examples');

interface Example {
  source: string;
  file: string;
  line: number;
}

function markdownExamples(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const examples: Example[] = [];
  const fence = /^```(ts|typescript)\s*\n([\s\S]*?)^```/gm;
  for (const match of text.matchAll(fence)) {
    const line = text.slice(0, match.index).split('\n').length + 1;
    examples.push({ source: match[2]!, file, line });
  }
  return examples;
}

function jsdocExamples(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const examples: Example[] = [];
  const block = /@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g;
  for (const match of text.matchAll(block)) {
    const line = text.slice(0, match.index).split('\n').length + 2;
    const source = match[1]!
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n');
    examples.push({ source, file, line });
  }
  return examples;
}

function walk(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'api' ? [] : walk(full, suffix);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

function collect(): Example[] {
  return [
    ...markdownExamples(path.join(root, 'README.md')),
    ...walk(path.join(root, 'docs'), '.md').flatMap(markdownExamples),
    ...walk(path.join(root, 'lib'), '.ts').flatMap(jsdocExamples),
  ];
}

describe('documentation examples', () => {
  const examples = collect();

  it('there are examples to check', () => {
    expect(examples.length).toBeGreaterThan(5);
  });

  it('type-check against the package', () => {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const files = examples.map((example, i) => {
      const name = path.join(outDir, `example-${String(i).padStart(3, '0')}.mts`);
      // Each example is its own ES module, so top-level await and imports work as users write them.
      writeFileSync(name, `${example.source}\nexport {};\n`);
      return { name, example };
    });
    const program = ts.createProgram(
      files.map((f) => f.name),
      {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2023,
        lib: ['lib.es2023.d.ts'],
        types: ['node'],
        skipLibCheck: true,
        typeRoots: [path.join(root, 'node_modules', '@types')],
      },
    );
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const origin = files.find((f) => f.name === d.file?.fileName)?.example;
      const where = origin
        ? `${path.relative(root, origin.file)} (example near line ${origin.line})`
        : (d.file?.fileName ?? '?');
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  });
});
