// IReference<UInt8> (what ConnectionProfile.GetSignalBars returns), declared by hand: Wine 8's
// widl cannot instantiate IReference<UInt8>, so the IDL types the result as IInspectable and the
// reference is asked for by its IID, computed like every parameterized IID
// (pinterface({61c17706-2d65-11e0-9ae8-d48564015472};u1), UUIDv5; test/abi/winrt-signature.ts).
//
// It must not live in an anonymous namespace: GCC would then see that nothing in the unit
// implements it and "devirtualize" get_Value into a call of the pure virtual (seen: a crash).
#pragma once

#include <inspectable.h>

namespace wmbb {

inline constexpr GUID kReferenceUInt8Iid = {
    0xe5198cc8, 0x2873, 0x55f5, {0xb0, 0xa1, 0x84, 0xff, 0x9e, 0x4a, 0xad, 0x62}};

struct IReferenceUInt8 : IInspectable {
  virtual HRESULT STDMETHODCALLTYPE get_Value(BYTE* value) = 0;
};

}  // namespace wmbb
