import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Builds dist/ once per run, as `npm run build:ts` does: the package-level tests load what users load. */
export default function setup(): void {
  const root = path.join(__dirname, '..');
  const options = { cwd: root, stdio: 'inherit' } as const;
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    options,
  );
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle-dist.cjs')], options);
}
