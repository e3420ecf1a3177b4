// BackgroundTaskRegistration.AllTasks is an IMapView<Guid, BackgroundTaskRegistration>. Wine 8's
// widl cannot compute the IID of an instantiation with a Guid argument, so native/abi cannot
// declare it; and MSVC's SDK spells it as a template. Both compilers therefore use these four
// declarations of the project's own: the same vtables, with the official IIDs (computed with
// the WinRT pinterface algorithm; ../shared/reference/background-connectivity-abi.md).
// test/abi/task-map-abi.test.ts checks every IID and slot here against
// test/abi/reference/windows-abi.json.
//
// The addon reaches them by QueryInterface from the map get_AllTasks returns, never by a cast,
// so nothing depends on how either SDK names the map type. The Wine test component implements
// them (native/test-component/background-tasks.cpp).
#pragma once

#include "../core/winrt-abi.h"

#include <windows.applicationmodel.background.h>

namespace wmbb {
namespace task_map {

using ABI::Windows::ApplicationModel::Background::IBackgroundTaskRegistration;

struct ITaskRegistrationPair;
struct ITaskRegistrationIterator;

// IKeyValuePair<Guid, BackgroundTaskRegistration>
MIDL_INTERFACE("5a1f6d75-8678-547c-8fd7-fbceb6ebf968")
ITaskRegistrationPair : public IInspectable {
  /* slot 6 */ virtual HRESULT STDMETHODCALLTYPE get_Key(GUID* result) = 0;
  /* slot 7 */ virtual HRESULT STDMETHODCALLTYPE get_Value(IBackgroundTaskRegistration** result) = 0;
};

// IIterator<IKeyValuePair<Guid, BackgroundTaskRegistration>>. `boolean` (one byte) as Windows
// has it; Wine 8's own IIterator<T> says BOOL.
MIDL_INTERFACE("2001aea5-1a86-517e-8be5-11d7fb5935b2")
ITaskRegistrationIterator : public IInspectable {
  /* slot 6 */ virtual HRESULT STDMETHODCALLTYPE get_Current(ITaskRegistrationPair** result) = 0;
  /* slot 7 */ virtual HRESULT STDMETHODCALLTYPE get_HasCurrent(boolean* result) = 0;
  /* slot 8 */ virtual HRESULT STDMETHODCALLTYPE MoveNext(boolean* result) = 0;
  /* slot 9 */ virtual HRESULT STDMETHODCALLTYPE GetMany(UINT32 capacity,
                                                        ITaskRegistrationPair** items,
                                                        UINT32* actual) = 0;
};

// IIterable<IKeyValuePair<Guid, BackgroundTaskRegistration>>
MIDL_INTERFACE("80fb0327-5a00-55cc-85db-a852719981b9")
ITaskRegistrationIterable : public IInspectable {
  /* slot 6 */ virtual HRESULT STDMETHODCALLTYPE First(ITaskRegistrationIterator** result) = 0;
};

// IMapView<Guid, BackgroundTaskRegistration>. The addon only iterates it (through the
// IIterable it requires); the test component implements it.
MIDL_INTERFACE("78c880f6-a7dc-5172-89da-7749fc82aa82")
ITaskRegistrationMap : public IInspectable {
  /* slot 6 */ virtual HRESULT STDMETHODCALLTYPE Lookup(GUID key,
                                                       IBackgroundTaskRegistration** result) = 0;
  /* slot 7 */ virtual HRESULT STDMETHODCALLTYPE get_Size(UINT32* result) = 0;
  /* slot 8 */ virtual HRESULT STDMETHODCALLTYPE HasKey(GUID key, boolean* result) = 0;
  /* slot 9 */ virtual HRESULT STDMETHODCALLTYPE Split(ITaskRegistrationMap** first,
                                                      ITaskRegistrationMap** second) = 0;
};

}  // namespace task_map
}  // namespace wmbb

#ifdef __CRT_UUID_DECL
__CRT_UUID_DECL(wmbb::task_map::ITaskRegistrationPair, 0x5a1f6d75, 0x8678, 0x547c, 0x8f, 0xd7,
                0xfb, 0xce, 0xb6, 0xeb, 0xf9, 0x68)
__CRT_UUID_DECL(wmbb::task_map::ITaskRegistrationIterator, 0x2001aea5, 0x1a86, 0x517e, 0x8b, 0xe5,
                0x11, 0xd7, 0xfb, 0x59, 0x35, 0xb2)
__CRT_UUID_DECL(wmbb::task_map::ITaskRegistrationIterable, 0x80fb0327, 0x5a00, 0x55cc, 0x85, 0xdb,
                0xa8, 0x52, 0x71, 0x99, 0x81, 0xb9)
__CRT_UUID_DECL(wmbb::task_map::ITaskRegistrationMap, 0x78c880f6, 0xa7dc, 0x5172, 0x89, 0xda,
                0x77, 0x49, 0xfc, 0x82, 0xaa, 0x82)
#endif
