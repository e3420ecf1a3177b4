/**
 * The USSD conformance driver for the native backend under Wine: "Windows" is the test
 * component's UssdSession (native/test-component/ussd-session.h) on one account, its network
 * scripted through the control addon's `ussd` table.
 */

import { createNativeBackend } from '../../lib/native/native-backend.js';
import { ussdResultCodes } from '../../lib/ussd/ussd-result-codes.js';
import type { UssdScenarioDriver } from '../conformance/ussd-driver.js';
import { resetUssdComponent, ussdAccountId, ussdTestControl } from './ussd-control.js';

export function ussdNativeDriver(): UssdScenarioDriver {
  const control = ussdTestControl();
  return {
    name: 'native (Windows node.exe under Wine, test component)',
    networkAccountId: ussdAccountId,
    createBackend() {
      resetUssdComponent(control);
      return createNativeBackend();
    },
    scriptReplies(...replies) {
      for (const reply of replies) {
        control.ussd.scriptReply({
          resultCode: ussdResultCodes.indexOf(reply.resultCode),
          ...(reply.message === undefined ? {} : { message: reply.message }),
        });
      }
      return Promise.resolve();
    },
    sent: () => Promise.resolve(control.ussd.sent()),
  };
}
