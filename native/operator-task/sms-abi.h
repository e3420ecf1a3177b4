// Windows.Devices.Sms.ISmsMessage and ISmsBinaryMessage, the two interfaces the task reads from
// INetworkOperatorNotificationEventDetails.SmsMessage. Declared here in C++ rather than in
// native/abi: the ABI check's reference (test/abi/reference/windows-abi.json) covers
// NetworkOperators, Connectivity and Background only, so an IDL declaration there could not be
// compared. Checked by hand against two generated bindings, which agree:
//   - ynkdir/py-win32more, win32more/Windows/Devices/Sms/__init__.py: ISmsMessage
//     {ed3c5e28-6984-4b07-811d-8d5906ed3cea} slots 6 get_Id (UInt32), 7 get_MessageClass
//     (SmsMessageClass); ISmsBinaryMessage {5bf4e813-3b53-4c6e-b61a-d86a63755650} slots
//     6 get_Format (SmsDataFormat), 7 put_Format, 8 GetData (ReceiveArray[Byte]), 9 SetData;
//   - microsoft/windows-rs, crates/libs/windows/src/Windows/Devices/Sms/mod.rs: the same IIDs
//     (define_interface!) and the same _Vtbl order (GetData: *mut u32, *mut *mut u8).
// Under MSVC the SDK declares these too (ABI::Windows::Devices::Sms); the names here live in
// wmbb::sms so that both compilers read this one declaration.
#pragma once

#include <windows.h>
#include <inspectable.h>

namespace wmbb {
namespace sms {

/** SmsDataFormat: Unknown 0, CdmaSubmit 1, GsmSubmit 2, CdmaDeliver 3, GsmDeliver 4. */
/** SmsMessageClass: None 0, Class0 1, Class1 2, Class2 3, Class3 4. */

struct ISmsMessage : public IInspectable {
  virtual HRESULT STDMETHODCALLTYPE get_Id(UINT32* value) = 0;            // slot 6
  virtual HRESULT STDMETHODCALLTYPE get_MessageClass(INT32* value) = 0;   // slot 7
};

struct ISmsBinaryMessage : public IInspectable {
  virtual HRESULT STDMETHODCALLTYPE get_Format(INT32* value) = 0;         // slot 6
  virtual HRESULT STDMETHODCALLTYPE put_Format(INT32 value) = 0;          // slot 7
  /** A receive array: the callee allocates `*value` with CoTaskMemAlloc; the caller frees it. */
  virtual HRESULT STDMETHODCALLTYPE GetData(UINT32* size, BYTE** value) = 0;  // slot 8
  virtual HRESULT STDMETHODCALLTYPE SetData(UINT32 size, BYTE* value) = 0;    // slot 9
};

inline constexpr GUID kIidSmsMessage = {
    0xed3c5e28, 0x6984, 0x4b07, {0x81, 0x1d, 0x8d, 0x59, 0x06, 0xed, 0x3c, 0xea}};
inline constexpr GUID kIidSmsBinaryMessage = {
    0x5bf4e813, 0x3b53, 0x4c6e, {0xb6, 0x1a, 0xd8, 0x6a, 0x63, 0x75, 0x56, 0x50}};

}  // namespace sms
}  // namespace wmbb
