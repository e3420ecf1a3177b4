// The DLL's two exports: combase calls DllGetActivationFactory with the class id the app's
// manifest (or, under Wine, the registry's ActivatableClassId\<id> DllPath) maps to this DLL.
#include <cwchar>

#include "task-class.h"

extern "C" __declspec(dllexport) HRESULT WINAPI DllGetActivationFactory(HSTRING classId,
                                                                      IActivationFactory** factory) {
  if (factory == nullptr) return E_POINTER;
  *factory = nullptr;
  const wchar_t* name = WindowsGetStringRawBuffer(classId, nullptr);
  if (name == nullptr || wcscmp(name, wmbb::kOperatorTaskClass) != 0) {
    return CLASS_E_CLASSNOTAVAILABLE;
  }
  *factory = wmbb::NewOperatorTaskFactory();
  return *factory != nullptr ? S_OK : E_OUTOFMEMORY;
}

// Once a Run has started the DLL is pinned (task-class.cpp) and this answer no longer matters.
extern "C" __declspec(dllexport) HRESULT WINAPI DllCanUnloadNow() {
  return wmbb::LiveTaskObjects().load() == 0 ? S_OK : S_FALSE;
}
