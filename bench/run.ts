/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command line) and
 * prints their reports.
 */

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = __dirname;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

async function main(): Promise<void> {
  console.log(
    `# windows-mobile-broadband benchmarks (node ${process.version}, ${process.platform}-${process.arch})`,
  );
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
      default: () => Promise<void>;
    };
    await mod.default();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
