// The imitated Windows.Networking.NetworkOperators.ProvisioningAgent, for the provisioning
// conformance under Wine: activatable (the default agent) with IProvisioningAgentStaticMethods
// (CreateFromNetworkAccountId, for the accounts ITestControl::PutAccount put), IInitializeWithWindow
// (recorded; IProvisioningTestControl::SetWindowInterface can take it away), and
// ProvisionFromXmlDocumentAsync run as ITestControl::SetCompletion says, answering
// ProvisionFromXmlDocumentResults with the result document of provisioning-document.h, or
// failing as IProvisioningTestControl::ScriptNext says. An agent counts every call made on a
// thread other than the one that made it (the real class is not agile). Also the factory of
// the control class, WindowsMobileBroadband.Testing.ProvisioningControl.
#pragma once

#include "winrt.h"

namespace test_component {

/** The activation factory for ProvisioningAgent or the provisioning control; null for another
 *  class id. The caller owns the result. */
IActivationFactory* NewProvisioningFactory(const wchar_t* classId);

}  // namespace test_component
