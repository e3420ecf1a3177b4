// A Windows object that only the addon's MTA thread touches, passed around by the JS thread.
//
// The JS thread may hold and copy an MtaObject (a shared pointer to a ComPtr: copying it makes
// no COM call), capture it in tasks for the MTA thread, and release it with ReleaseOnMta. It
// never dereferences it. So a non-agile object is made, used and released in the MTA, and an
// STA JS thread never makes a call that COM would have to marshal.
#pragma once

#include <memory>

#include "../../winrt/core/release-later.h"
#include "../../winrt/core/winrt-abi.h"

namespace wmbb {

template <class Interface>
using MtaObject = std::shared_ptr<ComPtr<Interface>>;

/** Wraps a reference taken over from `object` (no AddRef: the pointer is swapped). */
template <class Interface>
MtaObject<Interface> MakeMtaObject(ComPtr<Interface>& object) {
  auto held = std::make_shared<ComPtr<Interface>>();
  held->Swap(object);
  return held;
}

/** Releases the object on the MTA thread and lets go of `object`. JS thread; idempotent. */
template <class Interface>
void ReleaseOnMta(MtaObject<Interface>& object) {
  if (!object) return;
  ReleaseLater([held = std::move(object)] { held->Reset(); });
  object.reset();
}

}  // namespace wmbb
