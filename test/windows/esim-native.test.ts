/**
 * The eSIM conformance suites on the native addon, run by `node --test` in Windows' node.exe
 * under Wine (test/windows/run.sh bundles this file with esbuild first).
 */

import { afterEach, beforeEach, describe, it } from 'node:test';
import { defineEsimConformance } from '../conformance/esim-conformance.js';
import { defineEsimOperationsConformance } from '../conformance/esim-operations-conformance.js';
import type { TestApi } from '../conformance/test-api.js';
import { nativeDriver } from './native-driver.js';

const api: TestApi = {
  describe: (name, body) => void describe(name, body),
  it: (name, body) => void it(name, { timeout: 120_000 }, body),
  skip: (name, reason) => void it(name, { skip: reason }, () => undefined),
  beforeEach: (body) => beforeEach(body),
  afterEach: (body) => afterEach(body),
};

const driver = nativeDriver();
defineEsimConformance(api, driver);
defineEsimOperationsConformance(api, driver);
