import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMobileBroadbandError } from '../../lib/errors.js';
import {
  foundationNamespace,
  manifestNamespaces,
  operatorEventsClsid,
  operatorManifestFragments,
  operatorTaskConfigBytes,
  operatorTaskEntryPoint,
  type OperatorManifestOptions,
} from '../../lib/packaging/index.js';
import {
  allElements,
  assembleManifest,
  parseFragment,
  parseXml,
  select,
  uapNamespace,
  type ParsedElement,
} from './manifest-document.js';

const base = { name: 'Contoso.OperatorApp', exe: 'ContosoOperator.exe' } as const;

function manifestOf(options: OperatorManifestOptions): ParsedElement {
  return parseXml(assembleManifest(operatorManifestFragments(options), options));
}

function invalidOption(run: () => unknown): { option: unknown; message: string } {
  try {
    run();
  } catch (error) {
    if (!isMobileBroadbandError(error, 'ERR_INVALID_ARGUMENT')) throw error;
    return { option: error.details?.option, message: error.message };
  }
  throw new Error('expected ERR_INVALID_ARGUMENT');
}

describe('operatorManifestFragments: the assembled manifest', () => {
  it('parses, with every prefix declared and every element in a manifest namespace', () => {
    for (const esim of [false, true]) {
      const root = manifestOf({ ...base, esim });
      const known = new Set<string>([
        foundationNamespace,
        uapNamespace,
        ...Object.values(manifestNamespaces),
      ]);
      for (const element of allElements(root)) expect(known, element.local).toContain(element.uri);
      expect(root.local).toBe('Package');
    }
  });

  it('names the component, its runtime class and its DLL at package level', () => {
    const [extension, ...more] = select(manifestOf(base), 'Extensions', 'Extension');
    expect(more).toEqual([]);
    expect(extension!.attributes).toEqual({ Category: 'windows.activatableClass.inProcessServer' });
    const [path] = select(extension!, 'InProcessServer', 'Path');
    expect(path!.text).toBe(
      'node_modules\\windows-mobile-broadband-win32-x64\\prebuilds\\win32-x64\\wmbb-operator-task.dll',
    );
    const [activatable] = select(extension!, 'InProcessServer', 'ActivatableClass');
    expect(activatable!.attributes).toEqual({
      ActivatableClassId: 'WindowsMobileBroadband.OperatorTask',
      ThreadingModel: 'both',
    });
  });

  it('declares the background task with the component as entry point, systemEvent and general', () => {
    const [tasks] = select(manifestOf(base), 'Applications', 'Application', 'Extensions').map((e) =>
      e.children.filter((c) => c.uri === foundationNamespace),
    );
    expect(tasks).toHaveLength(1);
    expect(tasks![0]!.attributes).toEqual({
      Category: 'windows.backgroundTasks',
      EntryPoint: operatorTaskEntryPoint,
    });
    expect(select(tasks![0]!, 'BackgroundTasks', 'Task').map((t) => t.attributes.Type)).toEqual([
      'systemEvent',
      'general',
    ]);
  });

  it('declares the COM server: the executable, the CLSID, and launch rights for backgroundtaskhost', () => {
    const [server] = select(
      manifestOf(base),
      'Applications',
      'Application',
      'Extensions',
      'Extension',
      'ComServer',
      'ExeServer',
    );
    expect(server!.uri).toBe(manifestNamespaces.com);
    expect(server!.attributes).toEqual({
      Executable: 'ContosoOperator.exe',
      Arguments: 'serve',
      DisplayName: 'WindowsMobileBroadband.OperatorEvents',
      LaunchAndActivationPermission: 'O:PSG:BUD:(A;;11;;;IU)(A;;11;;;S-1-15-2-1)S:(ML;;NX;;;LW)',
    });
    expect(server!.children.map((c) => [c.prefix, c.local, c.attributes])).toEqual([
      [
        'com',
        'Class',
        { Id: operatorEventsClsid, DisplayName: 'WindowsMobileBroadband.OperatorEvents' },
      ],
    ]);
    expect(operatorEventsClsid).toBe('45AEED8D-934E-4C22-8336-3DDB3EB844B2');
  });

  it('Electron: --wmbb-serve, and the component under resources\\app.asar.unpacked beside the exe', () => {
    const root = manifestOf({
      ...base,
      exe: 'app/ContosoOperator.exe',
      electron: true,
      arch: 'arm64',
    });
    const [server] = select(
      root,
      'Applications',
      'Application',
      'Extensions',
      'Extension',
      'ComServer',
      'ExeServer',
    );
    expect(server!.attributes.Executable).toBe('app\\ContosoOperator.exe');
    expect(server!.attributes.Arguments).toBe('--wmbb-serve');
    expect(select(root, 'Extensions', 'Extension', 'InProcessServer', 'Path')[0]!.text).toBe(
      'app\\resources\\app.asar.unpacked\\node_modules\\windows-mobile-broadband-win32-arm64\\prebuilds\\win32-arm64\\wmbb-operator-task.dll',
    );
  });

  it('capabilities: the four restricted ones, and the eSIM custom capability only with esim', () => {
    const names = (esim: boolean): string[] =>
      select(manifestOf({ ...base, esim }), 'Capabilities').flatMap((c) =>
        c.children.map((e) => `${e.prefix}:${e.attributes.Name}`),
      );
    const restricted = [
      'rescap:runFullTrust',
      'rescap:networkConnectionManagerProvisioning',
      'rescap:cellularDeviceControl',
      'rescap:cellularDeviceIdentity',
    ];
    expect(names(false)).toEqual(restricted);
    expect(names(true)).toEqual([...restricted, 'uap4:Microsoft.eSIMManagement_8wekyb3d8bbwe']);
    expect(operatorManifestFragments(base).namespaces).not.toContain('uap4');
  });

  it('each XML fragment also parses on its own, its prefixes declared', () => {
    const fragments = operatorManifestFragments({ ...base, esim: true });
    expect(parseFragment(fragments.packageExtensions, fragments.namespaces)).toHaveLength(1);
    expect(parseFragment(fragments.applicationExtensions, fragments.namespaces)).toHaveLength(2);
    expect(parseFragment(fragments.capabilities, fragments.namespaces)).toHaveLength(5);
  });

  it('a custom component path is used as given (separators made \\)', () => {
    const root = manifestOf({ ...base, componentPath: 'native/x64/wmbb-operator-task.dll' });
    expect(select(root, 'Extensions', 'Extension', 'InProcessServer', 'Path')[0]!.text).toBe(
      'native\\x64\\wmbb-operator-task.dll',
    );
  });

  it('is the same from the published entry point windows-mobile-broadband/packaging', () => {
    const published = createRequire(__filename)('windows-mobile-broadband/packaging') as {
      operatorManifestFragments: typeof operatorManifestFragments;
    };
    expect(published.operatorManifestFragments(base)).toEqual(operatorManifestFragments(base));
  });
});

describe('wmbb-operator-task.ini', () => {
  it('has the three settings, defaults deny / the reason / 20000, comments on lines of their own', () => {
    const lines = operatorManifestFragments(base).taskConfig.split('\r\n');
    expect(lines.filter((l) => !l.startsWith(';'))).toEqual([
      '[entitlement]',
      'default=deny',
      'reason=The operator app could not check your plan; try again in a minute.',
      'deadlineMs=20000',
      '',
    ]);
  });

  it('carries the options, the reason exactly as written', () => {
    const reason = 'Tethering is not in your plan — « upgrade » at contoso.example & retry';
    const { taskConfig } = operatorManifestFragments({
      ...base,
      entitlementDefault: 'allow',
      entitlementReason: reason,
      entitlementDeadlineMs: 1000,
    });
    expect(taskConfig).toContain('\r\ndefault=allow\r\n');
    expect(taskConfig).toContain(`\r\nreason=${reason}\r\n`);
    expect(taskConfig).toContain('\r\ndeadlineMs=1000\r\n');
  });

  it('operatorTaskConfigBytes: UTF-16LE after a byte-order mark', () => {
    const text = operatorManifestFragments({
      ...base,
      entitlementReason: 'Kein Tethering für Sie',
    }).taskConfig;
    const bytes = operatorTaskConfigBytes(text);
    expect([...bytes.slice(0, 2)]).toEqual([0xff, 0xfe]);
    expect(Buffer.from(bytes.slice(2)).toString('utf16le')).toBe(text);
  });
});

describe('operatorManifestFragments: what it refuses', () => {
  const huge = 'x'.repeat(10 * 1024 * 1024);
  it.each<[string, Partial<OperatorManifestOptions> | Record<string, unknown>, string]>([
    ['a name with XML characters', { name: 'a<b>"c"&' }, 'name'],
    ['a name with a quote', { name: "O'Brien" }, 'name'],
    ['a name too short', { name: 'ab' }, 'name'],
    ['a name too long', { name: 'a'.repeat(51) }, 'name'],
    ['a reserved name', { name: 'Com1' }, 'name'],
    ['a 10 MB name', { name: huge }, 'name'],
    ['a name with an escape sequence', { name: 'abc\u001b[2J' }, 'name'],
    ['a name that is a number', { name: 42 }, 'name'],
    ['an exe without .exe', { exe: 'app\\Contoso' }, 'exe'],
    ['an absolute exe', { exe: 'C:\\Program Files\\Contoso.exe' }, 'exe'],
    ['an exe from the root', { exe: '\\Contoso.exe' }, 'exe'],
    ['an exe outside the package', { exe: '..\\Contoso.exe' }, 'exe'],
    ['an exe with a quote', { exe: 'Con"toso.exe' }, 'exe'],
    ['an exe with <', { exe: 'a<b.exe' }, 'exe'],
    ['an exe with a control character', { exe: 'a\nb.exe' }, 'exe'],
    ['a 10 MB exe', { exe: `${huge}.exe` }, 'exe'],
    ['an arch Windows has but the component does not ship', { arch: 'x86' }, 'arch'],
    [
      'a component path that is another DLL',
      { componentPath: 'prebuilds\\addon.dll' },
      'componentPath',
    ],
    [
      'a component path outside the package',
      { componentPath: '../wmbb-operator-task.dll' },
      'componentPath',
    ],
    ['a default that is neither', { entitlementDefault: 'maybe' }, 'entitlementDefault'],
    [
      'a reason with a line break (an INI injection)',
      { entitlementReason: 'ok\r\ndefault=allow' },
      'entitlementReason',
    ],
    ['a reason with a C1 control', { entitlementReason: 'ok\u009b31m' }, 'entitlementReason'],
    ['a reason with a lone surrogate', { entitlementReason: 'ok \ud800' }, 'entitlementReason'],
    ['an empty reason', { entitlementReason: '' }, 'entitlementReason'],
    ['a reason with trailing space', { entitlementReason: 'No. ' }, 'entitlementReason'],
    ['a 10 MB reason', { entitlementReason: huge }, 'entitlementReason'],
    ['a deadline below the range', { entitlementDeadlineMs: 999 }, 'entitlementDeadlineMs'],
    ['a deadline above the range', { entitlementDeadlineMs: 25_001 }, 'entitlementDeadlineMs'],
    ['a fractional deadline', { entitlementDeadlineMs: 1500.5 }, 'entitlementDeadlineMs'],
    ['a deadline that is NaN', { entitlementDeadlineMs: Number.NaN }, 'entitlementDeadlineMs'],
    ['electron that is a string', { electron: 'yes' }, 'electron'],
  ])('%s: ERR_INVALID_ARGUMENT naming the option, a bounded message', (_, change, option) => {
    const error = invalidOption(() => operatorManifestFragments({ ...base, ...change }));
    expect(error.option).toBe(option);
    expect(error.message.startsWith(`${option} `)).toBe(true);
    expect(error.message.length).toBeLessThan(600);
    // eslint-disable-next-line no-control-regex -- no raw control character reaches a message
    expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('options that are not an object', () => {
    for (const options of [undefined, null, 'name', []])
      expect(invalidOption(() => operatorManifestFragments(options as never)).message).toMatch(
        /must be an object/,
      );
  });

  it('labels name the options as the caller knows them', () => {
    expect(
      invalidOption(() => operatorManifestFragments({ ...base, exe: 'x' }, { exe: '--exe' }))
        .message,
    ).toMatch(/^--exe must name a \.exe file/);
  });

  it('any executable path: typed error, or XML that reads back exactly (separators made \\)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (stem) => {
        const exe = `${stem}.exe`;
        let fragments;
        try {
          fragments = operatorManifestFragments({ ...base, exe });
        } catch (error) {
          expect(isMobileBroadbandError(error, 'ERR_INVALID_ARGUMENT')).toBe(true);
          return;
        }
        const [server] = parseFragment(fragments.applicationExtensions, fragments.namespaces)
          .filter((e) => e.local === 'Extension' && e.prefix === 'com')
          .flatMap((e) => select(e, 'ComServer', 'ExeServer'));
        expect(server!.attributes.Executable).toBe(exe.replace(/\//g, '\\'));
      }),
      { numRuns: 500 },
    );
  });

  it('any reason: typed error, or one INI line holding it exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (reason) => {
        let config;
        try {
          config = operatorManifestFragments({ ...base, entitlementReason: reason }).taskConfig;
        } catch (error) {
          expect(isMobileBroadbandError(error, 'ERR_INVALID_ARGUMENT')).toBe(true);
          return;
        }
        const lines = config.split('\r\n');
        expect(lines.filter((l) => l.startsWith('reason='))).toEqual([`reason=${reason}`]);
        expect(lines.filter((l) => l.startsWith('default='))).toEqual(['default=deny']);
      }),
      { numRuns: 500 },
    );
  });
});
