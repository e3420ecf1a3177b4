import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Builds dist/ once per run: the package-level tests load what users load. */
export default function setup(): void {
  const root = path.join(__dirname, '..');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
