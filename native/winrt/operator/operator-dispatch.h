// The COM objects of CLSID_OperatorEvents: a class factory (what CoRegisterClassObject
// registers) and the IDispatch object it makes, which hands each call to the server
// (operator-events.h). Argument checks follow the hop exactly: rgvarg is in reverse order,
// DISPATCH_METHOD only, no named arguments.
#pragma once

#include <windows.h>

#include <memory>

namespace wmbb {

class OperatorEventsServer;

/** A new class factory holding `server` (one reference, the caller's). Null when out of memory. */
IClassFactory* NewOperatorEventsFactory(std::shared_ptr<OperatorEventsServer> server) noexcept;

}  // namespace wmbb
