/**
 * The few test-framework calls the conformance suites use, so that one suite runs under vitest
 * (the fake, any OS) and under `node --test` (the native addon in Windows' node.exe under Wine).
 */

export type TestBody = () => Promise<void> | void;

export interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: TestBody): void;
  /** A test that cannot run on this backend: listed as skipped with the reason, never absent. */
  skip(name: string, reason: string): void;
  beforeEach(body: TestBody): void;
  afterEach(body: TestBody): void;
}
