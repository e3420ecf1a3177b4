/**
 * The eSIM conformance suites on the native addon, run by `node --test` in Windows' node.exe
 * under Wine (test/windows/run.sh bundles this file with esbuild first).
 *
 * With WMBB_TEST_STA=1 the JS thread is made a single-threaded apartment first, as Electron's
 * main process is after `ready`: every list, operation, progress report and watcher event must
 * still complete, since the addon makes its Windows calls on an MTA thread of its own.
 */

import { defineEsimConformance } from '../conformance/esim-conformance.js';
import { defineEsimOperationsConformance } from '../conformance/esim-operations-conformance.js';
import { nativeDriver } from './native-driver.js';
import { nodeTestApi } from './node-test-api.js';

const api = nodeTestApi(120_000);

if (process.env.WMBB_TEST_STA === '1') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
  const control = require(process.env.WMBB_TEST_CONTROL_ADDON!) as { makeSta(): string };
  const apartment = control.makeSta();
  if (apartment !== 'sta') throw new Error(`the JS thread is not an STA (${apartment})`);
  console.log('# the JS thread is a single-threaded apartment');
}

const driver = nativeDriver();
defineEsimConformance(api, driver);
defineEsimOperationsConformance(api, driver);
