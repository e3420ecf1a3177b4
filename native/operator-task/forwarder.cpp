#include "forwarder.h"

#include <oleauto.h>

#include <functional>

namespace wmbb {
namespace {

struct Forwarding {
  std::shared_ptr<TaskRun> run;
  std::function<void()> after;
};

/** Owns a BSTR. */
struct Bstr {
  BSTR value = nullptr;
  ~Bstr() { SysFreeString(value); }
};

/** Interprets CheckEntitlement's result: "1" allow, "0<reason>" deny, anything else no answer. */
void TakeAnswer(TaskRun& run, const VARIANT& result) {
  if (result.vt == VT_BSTR && result.bstrVal != nullptr) {
    const std::u16string_view answer(reinterpret_cast<const char16_t*>(result.bstrVal),
                                     SysStringLen(result.bstrVal));
    if (answer == u"1") return run.Answer(true, u"", L"Node");
    if (!answer.empty() && answer[0] == u'0') return run.Answer(false, answer.substr(1), L"Node");
    LogTask(L"CheckEntitlement answered neither \"1\" nor \"0<reason>\"");
  }
  run.AnswerDefault(result.vt == VT_EMPTY ? L"no answer from Node in time" : L"bad answer");
}

void Forward(TaskRun& run) {
  const bool check = run.Work().IsEntitlement();
  ComPtr<IDispatch> events;
  HRESULT hr = CoCreateInstance(kClsidOperatorEvents, nullptr, CLSCTX_LOCAL_SERVER,
                                IID_PPV_ARGS(events.GetAddressOf()));
  if (FAILED(hr)) {
    LogTask(L"CoCreateInstance(CLSID_OperatorEvents): 0x%08X", static_cast<unsigned>(hr));
    if (check) return run.AnswerDefault(L"Node unreachable");
    LogTask(L"the notification is lost");
    return run.CompleteDeferral();
  }

  Bstr blob;
  blob.value = SysAllocStringLen(reinterpret_cast<const OLECHAR*>(run.Work().blob.data()),
                                 static_cast<UINT>(run.Work().blob.size()));
  // IDispatch takes its arguments last first: rgvarg[0] is the last argument.
  VARIANT args[2];
  VariantInit(&args[0]);
  VariantInit(&args[1]);
  VARIANT* blobArg = check ? &args[1] : &args[0];
  blobArg->vt = VT_BSTR;
  blobArg->bstrVal = blob.value;  // borrowed: freed by `blob`, never by VariantClear
  if (check) {
    args[0].vt = VT_I4;
    args[0].lVal = run.Config().deadlineMs;
  }
  DISPPARAMS params{args, nullptr, check ? 2u : 1u, 0};
  VARIANT result;
  VariantInit(&result);
  EXCEPINFO exception{};
  UINT badArgument = 0;
  hr = blob.value == nullptr
           ? E_OUTOFMEMORY
           : events->Invoke(check ? kDispidCheckEntitlement : kDispidNotify, IID_NULL,
                            LOCALE_USER_DEFAULT, DISPATCH_METHOD, &params, &result, &exception,
                            &badArgument);
  SysFreeString(exception.bstrSource);
  SysFreeString(exception.bstrDescription);
  SysFreeString(exception.bstrHelpFile);
  if (FAILED(hr)) {
    LogTask(L"Invoke(%ls): 0x%08X", check ? L"CheckEntitlement" : L"Notify",
            static_cast<unsigned>(hr));
    if (!check) LogTask(L"the notification is lost");
  }
  if (check) {
    if (FAILED(hr)) VariantClear(&result);  // and answer the default below
    TakeAnswer(run, result);
  } else {
    if (SUCCEEDED(hr) && !(result.vt == VT_BOOL && result.boolVal == VARIANT_TRUE)) {
      LogTask(L"Notify did not say the record was queued (VARTYPE %u)", result.vt);
    }
    run.CompleteDeferral();
  }
  VariantClear(&result);
}

void CALLBACK OnDeadline(PTP_CALLBACK_INSTANCE, void* context, PTP_TIMER) {
  // A thread-pool thread: join the MTA for the call into Windows' details object.
  const HRESULT init = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
  static_cast<TaskRun*>(context)->AnswerDefault(L"deadline");
  if (SUCCEEDED(init)) CoUninitialize();
}

DWORD WINAPI ForwardingThread(void* parameter) {
  std::unique_ptr<Forwarding> forwarding(static_cast<Forwarding*>(parameter));
  TaskRun& run = *forwarding->run;
  const HRESULT init = CoInitializeEx(nullptr, COINIT_MULTITHREADED);

  PTP_TIMER deadline = nullptr;
  if (run.Work().IsEntitlement()) {
    // `run` outlives the timer: the timer is closed below, after its callbacks have finished.
    deadline = CreateThreadpoolTimer(OnDeadline, &run, nullptr);
    if (deadline != nullptr) {
      ULARGE_INTEGER due;
      due.QuadPart = static_cast<ULONGLONG>(-(static_cast<LONGLONG>(run.Config().deadlineMs) * 10000));
      FILETIME dueTime{due.LowPart, due.HighPart};
      SetThreadpoolTimer(deadline, &dueTime, 0, 0);
    }
  }

  if (FAILED(init)) {
    LogTask(L"CoInitializeEx: 0x%08X", static_cast<unsigned>(init));
    if (run.Work().IsEntitlement()) run.AnswerDefault(L"no COM on the forwarding thread");
    else run.CompleteDeferral();
  } else {
    try {
      Forward(run);
    } catch (...) {  // allocation only; the thread must not end the process
      LogTask(L"out of memory while forwarding");
      if (run.Work().IsEntitlement()) run.AnswerDefault(L"out of memory");
      else run.CompleteDeferral();
    }
  }

  if (deadline != nullptr) {
    SetThreadpoolTimer(deadline, nullptr, 0, 0);
    WaitForThreadpoolTimerCallbacks(deadline, TRUE);
    CloseThreadpoolTimer(deadline);
  }
  if (forwarding->after) forwarding->after();
  forwarding.reset();  // releases Windows' objects while this thread is still in the MTA
  if (SUCCEEDED(init)) CoUninitialize();
  return 0;
}

}  // namespace

void StartForwarding(std::shared_ptr<TaskRun> run, std::function<void()> after) {
  auto* forwarding = new Forwarding{run, std::move(after)};  // may throw: Run catches it
  HANDLE thread = CreateThread(nullptr, 0, ForwardingThread, forwarding, 0, nullptr);
  if (thread != nullptr) {
    CloseHandle(thread);
    return;
  }
  LogTask(L"CreateThread: %lu", GetLastError());
  if (run->Work().IsEntitlement()) run->AnswerDefault(L"no forwarding thread");
  else run->CompleteDeferral();
  if (forwarding->after) forwarding->after();
  delete forwarding;
}

}  // namespace wmbb
