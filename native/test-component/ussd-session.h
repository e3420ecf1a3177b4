// The imitated UssdSession (statics on its activation factory), UssdMessage (made by its
// factory) and UssdReply, for the USSD conformance suite under Wine. The network behind them is
// UssdNetwork (ussd-network.h), scripted through IUssdTestControl.
//
// The session keeps Windows' rules and reports every breach instead of hanging or crashing:
// it is [Threading(MTA)] and not agile (it does not answer IAgileObject), so it must be made on
// a thread that joined the MTA itself and then called and finally released on that same
// thread; and the client's last reference must never go inside a SendMessageAndGetReplyAsync
// completion callback (Microsoft: it "may hang"). Its operations, like Windows', hold their
// session until they are closed, and end on a thread of their own after the scripted delay
// (or inside put_Completed, or honouring Cancel late: ITestControl::SetCompletion).
#pragma once

#include "winrt.h"

namespace test_component {

/** The activation factory of UssdSession (IUssdSessionStatics); the caller owns it. */
IActivationFactory* NewUssdSessionFactory();
/** The activation factory of UssdMessage (IUssdMessageFactory); the caller owns it. */
IActivationFactory* NewUssdMessageFactory();

/**
 * Breaks the rule on purpose to prove the detector: on an MTA thread of its own, makes a
 * session, sends, and releases the session inside the completion. `*detected` is how many
 * releases inside a completion the session counted (1 when the detector works); the breaches
 * are then taken out of the counts again.
 */
HRESULT SelfTestReleaseInCompletion(INT32* detected);

}  // namespace test_component
