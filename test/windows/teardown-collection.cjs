// A garbage collection while Node tears the environment down must not crash the process
// (native/addon/core/teardown-hold.h): the addon's objects from many finished operations are
// garbage at exit, no thread-safe function of theirs is left, and the control addon allocates
// from a cleanup hook that runs before Node drops the addon's environment reference, so their
// Node-API finalizers are queued then. Without the hold, the immediate that runs them frees the
// environment and reads it after (0xC0000005 at exit under Wine's heap checking).
'use strict';
/* global require, process, console */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by Windows' node.exe */
const addon = require(process.env.WMBB_NATIVE_ADDON);
const control = require(process.env.WMBB_TEST_CONTROL_ADDON);

async function main() {
  // Each operation is an object with two functions of the addon (cancel, abandon), each with a
  // Node-API finalizer; settled, its thread-safe function is gone.
  for (let batch = 0; batch < 4; batch++) {
    await Promise.all(Array.from({ length: 500 }, () => addon.core.flush().promise));
  }
  control.collectAtTeardown();
  console.log('teardown-collection: ok');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
