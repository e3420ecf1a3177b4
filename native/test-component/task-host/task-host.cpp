// wmbb-task-host.exe: plays backgroundtaskhost.exe for the operator task component under Wine.
//
//   wmbb-task-host.exe --details <case> [--cancel-after-ms N] [--wait-ms N] [--timeout-ms N]
//                      [--stand-in <answer> --record <file>]
//     activates WindowsMobileBroadband.OperatorTask BY CLASS NAME (RoActivateInstance; the lane
//     registers the DLL under ActivatableClassId), calls Run with a test task instance whose
//     trigger details are the case's (sms, roaming, threshold, entitlement10, entitlementTrigger,
//     unreadable), optionally raises Canceled after N ms, waits for the deferral, then for the
//     component to unregister Canceled (its forwarding thread has ended), then --wait-ms more,
//     and prints
//       task-host result: {"details":…,"deferralCompletions":1,"answers":1,"answer":{…},…}
//     --stand-in serves CLSID_OperatorEvents in this same process (see stand-in-server.h).
//
//   wmbb-task-host.exe --serve-stand-in <answer> --record <file> [--calls N] [--serve-ms N]
//                      [--hold-ms N]
//     serves CLSID_OperatorEvents for other processes until N calls have arrived and returned
//     (or --serve-ms has passed). <answer>: "1", "0<reason>" (after --hold-ms) or "never".
#include <windows.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "../../operator-task/task-class.h"
#include "../../winrt/core/agile-delegate.h"
#include "../../winrt/core/hstring.h"
#include "observed.h"
#include "stand-in-server.h"
#include "test-objects.h"

namespace {

using namespace task_host;

std::string Utf8(std::u16string_view text) {
  const auto* wide = reinterpret_cast<const wchar_t*>(text.data());
  const int size = WideCharToMultiByte(CP_UTF8, 0, wide, static_cast<int>(text.size()), nullptr,
                                       0, nullptr, nullptr);
  std::string out(size, '\0');
  WideCharToMultiByte(CP_UTF8, 0, wide, static_cast<int>(text.size()), out.data(), size, nullptr,
                      nullptr);
  return out;
}

int Serve(std::map<std::wstring, std::wstring>& args) {
  auto number = [&](const wchar_t* key, DWORD fallback) {
    return args.count(key) ? std::wcstoul(args[key].c_str(), nullptr, 10) : fallback;
  };
  const StandInOptions options{args[L"--serve-stand-in"], args[L"--record"], number(L"--hold-ms", 0)};
  const long calls = static_cast<long>(number(L"--calls", 1));
  const DWORD serveMs = number(L"--serve-ms", 30000);
  const ULONGLONG started = GetTickCount64();
  const HRESULT hr = StandInServer::Start(options);
  std::printf("stand-in: CoRegisterClassObject 0x%08X\n", static_cast<unsigned>(hr));
  if (FAILED(hr)) return 1;
  std::printf("stand-in: serving\n");
  std::fflush(stdout);
  const bool all = StandInServer::WaitForCalls(calls, serveMs);
  // Held calls end (and answer late) before the server does, within the same time.
  const ULONGLONG spent = GetTickCount64() - started;
  StandInServer::WaitForIdle(spent < serveMs ? static_cast<DWORD>(serveMs - spent) : 0);
  // A moment for the last call's reply to leave before the class is revoked.
  Sleep(200);
  StandInServer::Stop();
  std::printf("stand-in: served %ld calls%s\n", StandInServer::Calls(), all ? "" : " (time up)");
  std::fflush(stdout);
  return 0;
}

int RunTask(std::map<std::wstring, std::wstring>& args) {
  const std::wstring caseName = args[L"--details"];
  const std::string name(caseName.begin(), caseName.end());
  auto number = [&](const wchar_t* key, DWORD fallback) {
    return args.count(key) ? std::wcstoul(args[key].c_str(), nullptr, 10) : fallback;
  };
  const DWORD waitMs = number(L"--wait-ms", 300);
  const DWORD timeoutMs = number(L"--timeout-ms", 15000);

  if (args.count(L"--stand-in")) {
    const HRESULT hr = StandInServer::Start({args[L"--stand-in"], args[L"--record"]});
    std::printf("task-host: in-process stand-in 0x%08X\n", static_cast<unsigned>(hr));
    if (FAILED(hr)) return 1;
  }

  ComPtr<IInspectable> details = MakeDetails(name);
  if (!details) {
    std::printf("task-host: unknown case %s\n", name.c_str());
    return 2;
  }
  auto* instance = new TestTaskInstance(details, name == "unreadable");
  ComPtr<background::IBackgroundTaskInstance> instanceRef;
  *instanceRef.GetAddressOf() = instance;  // adopts the first reference

  // By class name, as backgroundtaskhost does with the manifest's EntryPoint.
  wmbb::HStringReference className(wmbb::kOperatorTaskClass);
  ComPtr<IInspectable> activated;
  const HRESULT activation = RoActivateInstance(className.Get(), activated.GetAddressOf());
  ComPtr<background::IBackgroundTask> task;
  HRESULT run = activation;
  long long runMs = -1;
  if (SUCCEEDED(activation)) run = activated.As(&task);
  if (SUCCEEDED(run)) {
    Observed::Get().StartClock();
    run = task->Run(instanceRef.Get());
    runMs = Observed::Get().Now();
  }
  if (SUCCEEDED(run)) {
    if (args.count(L"--cancel-after-ms")) {
      Sleep(number(L"--cancel-after-ms", 0));
      instance->FireCanceled();
    }
    Observed::Get().WaitForCompletion(timeoutMs);
    // The component unregisters Canceled when its forwarding thread has finished, i.e. after
    // the server's reply, late or not, has been taken (or ignored): wait for that, so that a
    // second answer would be seen here whatever the timing.
    const ULONGLONG end = GetTickCount64() + timeoutMs;
    while (instance->HandlersLeft() > 0 && GetTickCount64() < end) Sleep(10);
    Sleep(waitMs);
  }
  std::printf("task-host result: %s\n",
              Utf8(Observed::Get().Json(name.c_str(), activation, run, runMs,
                                        instance->HandlersLeft()))
                  .c_str());
  std::printf("task-host: done\n");
  std::fflush(stdout);
  if (args.count(L"--stand-in")) StandInServer::Stop();
  // The component's forwarding thread may still be inside a call that never returns (the
  // "never" stand-in); ending the process is what backgroundtaskhost does too.
  ExitProcess(0);
}

}  // namespace

int wmain(int argc, wchar_t** argv) {
  std::map<std::wstring, std::wstring> args;
  for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
  // COM's LOCAL_SERVER activation runs the server's calls on RPC threads: the MTA.
  const HRESULT init = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
  if (FAILED(init)) {
    std::printf("task-host: CoInitializeEx 0x%08X\n", static_cast<unsigned>(init));
    return 1;
  }
  if (args.count(L"--serve-stand-in")) return Serve(args);
  if (args.count(L"--details")) return RunTask(args);
  std::printf("usage: wmbb-task-host.exe --details <case> … | --serve-stand-in <answer> --record <file>\n");
  return 2;
}
