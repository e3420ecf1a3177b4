// mingw builds only (node-gyp and cmake-js add their own hook under MSVC).
//
// The addon imports Node-API from "node.exe". Electron runs as electron.exe or MyApp.exe, where
// no node.exe module exists, so a plain import fails to load ("module not found"). The Node-API
// imports are therefore delay-loaded (libnode_delay.a made with dlltool -y, plus -ldelayimp),
// and this hook answers the load of "node.exe" with the host executable itself, which exports
// Node-API whatever its name.
#include <windows.h>
#include <delayimp.h>

#include <cstring>

namespace {

FARPROC WINAPI ResolveNodeToHost(unsigned notification, PDelayLoadInfo info) {
  if (notification != dliNotePreLoadLibrary || info == nullptr || info->szDll == nullptr) {
    return nullptr;
  }
  if (_stricmp(info->szDll, "node.exe") != 0) return nullptr;
  return reinterpret_cast<FARPROC>(GetModuleHandleW(nullptr));
}

}  // namespace

// mingw-w64 declares the hook non-const (MSVC: const); this file is built by mingw only.
PfnDliHook __pfnDliNotifyHook2 = ResolveNodeToHost;
