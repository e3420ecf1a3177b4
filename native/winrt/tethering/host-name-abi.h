// Windows.Networking.IHostName, the element type of NetworkOperatorTetheringClient.HostNames.
// Neither Wine's IDL nor native/abi declares the Windows.Networking namespace (the rest of it is
// not needed), so both compilers use this declaration of the project's own: the official IID
// (the one in the signature of IVectorView<HostName> in the reference metadata) and the official
// slot order. test/abi/host-name-abi.test.ts checks both. The addon reaches it by
// QueryInterface on each element, never by a cast, so it does not matter how either SDK types
// the vector; the Wine test component implements it (native/test-component/tethering-clients.cpp).
#pragma once

#include "../core/winrt-abi.h"

namespace wmbb {
namespace host_name {

// Windows.Networking.IHostName
MIDL_INTERFACE("bf8ecaad-ed96-49a7-9084-d416cae88dcb")
IHostName : public IInspectable {
  /* slot 6 */ virtual HRESULT STDMETHODCALLTYPE get_IPInformation(IInspectable** result) = 0;
  /* slot 7 */ virtual HRESULT STDMETHODCALLTYPE get_RawName(HSTRING* result) = 0;
  /* slot 8 */ virtual HRESULT STDMETHODCALLTYPE get_DisplayName(HSTRING* result) = 0;
  /* slot 9 */ virtual HRESULT STDMETHODCALLTYPE get_CanonicalName(HSTRING* result) = 0;
  /* slot 10 */ virtual HRESULT STDMETHODCALLTYPE get_Type(INT32* result) = 0;
  /* slot 11 */ virtual HRESULT STDMETHODCALLTYPE IsEqual(IHostName* hostName, boolean* result) = 0;
};

}  // namespace host_name
}  // namespace wmbb

#ifdef __CRT_UUID_DECL
__CRT_UUID_DECL(wmbb::host_name::IHostName, 0xbf8ecaad, 0xed96, 0x49a7, 0x90, 0x84, 0xd4, 0x16,
                0xca, 0xe8, 0x8d, 0xcb)
#endif
