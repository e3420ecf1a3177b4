import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/program.js';
import { operatorManifestFragments } from '../../lib/packaging/index.js';
import { assembleManifest, parseXml } from '../packaging/manifest-document.js';
import { captureIo } from './capture-io.js';

async function wmbb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await runCli(argv, { io });
  return { code, out: io.stdout(), err: io.stderr() };
}

const electron = [
  'package',
  'manifest',
  '--name',
  'Contoso.OperatorApp',
  '--exe',
  'app\\Contoso.exe',
  '--electron',
];

describe('wmbb package manifest', () => {
  it('prints each fragment titled with where it goes, then the COSA AppID to configure', async () => {
    const { code, out, err } = await wmbb(...electron);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatchSnapshot();
    const titles = out.split('\n').filter((line) => /^\d\. /.test(line));
    expect(titles.map((t) => t.slice(0, t.indexOf(':')))).toEqual([
      '1. Namespaces',
      '2. Package extensions',
      '3. Application extensions',
      '4. Capabilities',
      '5. wmbb-operator-task.ini',
    ]);
    expect(out).toContain('AppID = Contoso.OperatorApp_<publisher id>!<Application Id>');
  });

  it('--json: the five fragments, the same as the API gives, and they assemble into a manifest', async () => {
    const { code, out } = await wmbb(...electron, '--json', '--esim', '--arch', 'arm64');
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, string>;
    expect(Object.keys(json)).toEqual([
      'namespaces',
      'packageExtensions',
      'applicationExtensions',
      'capabilities',
      'taskConfig',
    ]);
    const fragments = operatorManifestFragments({
      name: 'Contoso.OperatorApp',
      exe: 'app\\Contoso.exe',
      electron: true,
      esim: true,
      arch: 'arm64',
    });
    expect(json).toEqual(fragments);
    expect(json).toMatchSnapshot();
    expect(
      parseXml(
        assembleManifest(fragments, { name: 'Contoso.OperatorApp', exe: 'app\\Contoso.exe' }),
      ).local,
    ).toBe('Package');
  });

  it('--publisher and --app-id: the exact COSA AppID; bad ones are typed errors', async () => {
    const { out } = await wmbb(
      ...electron,
      '--publisher',
      'CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US',
      '--app-id',
      'ContosoOperator',
    );
    expect(out).toContain('AppID = Contoso.OperatorApp_8wekyb3d8bbwe!ContosoOperator\n');
    const bad = await wmbb(...electron, '--publisher', 'Contoso');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(
      /^wmbb: ERR_INVALID_ARGUMENT: --publisher must be the package's Publisher/,
    );
    expect((await wmbb(...electron, '--app-id', 'App-1')).err).toMatch(
      /^wmbb: ERR_INVALID_ARGUMENT: --app-id must be/,
    );
  });

  it('a Node single executable is started with serve', async () => {
    const { out } = await wmbb(
      'package',
      'manifest',
      '--name',
      'Contoso.Op',
      '--exe',
      'op.exe',
      '--json',
    );
    expect((JSON.parse(out) as { applicationExtensions: string }).applicationExtensions).toContain(
      'Executable="op.exe" Arguments="serve"',
    );
  });

  it('the entitlement options reach the INI file', async () => {
    const { out } = await wmbb(
      'package',
      'manifest',
      '--name',
      'Contoso.Op',
      '--exe',
      'op.exe',
      '--json',
      '--entitlement-default',
      'allow',
      '--entitlement-reason',
      'Plan check unavailable',
      '--entitlement-deadline-ms',
      '5000',
    );
    expect((JSON.parse(out) as { taskConfig: string }).taskConfig).toContain(
      'default=allow\r\nreason=Plan check unavailable\r\ndeadlineMs=5000\r\n',
    );
  });

  it.each([
    [['--name', 'a"<b>'], /^wmbb: ERR_INVALID_ARGUMENT: --name must be a package identity name/],
    [
      ['--exe', 'C:\\app.exe'],
      /^wmbb: ERR_INVALID_ARGUMENT: --exe must be a path inside the package/,
    ],
    [['--arch', 'x86'], /^wmbb: ERR_INVALID_ARGUMENT: --arch must be x64 or arm64/],
    [
      ['--entitlement-default', 'sometimes'],
      /^wmbb: ERR_INVALID_ARGUMENT: --entitlement-default must be allow or deny/,
    ],
    [
      ['--entitlement-deadline-ms', '1e4'],
      /^wmbb: ERR_INVALID_ARGUMENT: --entitlement-deadline-ms must be a whole number/,
    ],
    [
      ['--entitlement-deadline-ms', '30000'],
      /^wmbb: ERR_INVALID_ARGUMENT: --entitlement-deadline-ms must be a whole number/,
    ],
    [
      ['--entitlement-reason', 'a\u001b]0;pwned\u0007'],
      /^wmbb: ERR_INVALID_ARGUMENT: --entitlement-reason must be one line/,
    ],
    [
      ['--component-path', 'x/other.dll'],
      /^wmbb: ERR_INVALID_ARGUMENT: --component-path must name the component's own file/,
    ],
  ])('%j: exit 1, one line naming the flag, nothing on stdout', async (change, message) => {
    const argv = ['package', 'manifest', '--name', 'Contoso.Op', '--exe', 'op.exe', ...change];
    const { code, out, err } = await wmbb(...argv);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    // eslint-disable-next-line no-control-regex -- no raw control character reaches the terminal
    expect(err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it('a 10 MB name: one bounded line', async () => {
    const { code, err } = await wmbb(
      'package',
      'manifest',
      '--name',
      'n'.repeat(10 * 1024 * 1024),
      '--exe',
      'op.exe',
    );
    expect(code).toBe(1);
    expect(err.length).toBeLessThan(1100);
    expect(err).toMatch(/\(10485760 characters\)/);
  });

  it('without --name or --exe: a usage error (exit 2)', async () => {
    expect((await wmbb('package', 'manifest', '--exe', 'op.exe')).code).toBe(2);
    expect((await wmbb('package', 'manifest', '--name', 'Contoso.Op')).code).toBe(2);
  });
});
