// The protocol handler the Wine lane registers for lpa: and ms-settings: (a stand-in for Windows'
// Settings app): it writes the URI it was opened with to $WMBB_LAUNCH_LOG, one line each.
'use strict';
/* global require, process */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node.exe */
require('node:fs').appendFileSync(process.env.WMBB_LAUNCH_LOG, `${process.argv[2]}\n`);
