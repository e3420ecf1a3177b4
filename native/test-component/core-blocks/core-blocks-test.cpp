// The addon's WinRT building blocks (native/winrt/core), tested on their own under Wine with
// small WinRT objects of the test's own: what the next capabilities need before any of them
// uses it. A plain Windows executable; the lane runs it and reads its closing line:
//
//   core blocks: N passed, M failed
//
// Covered: the MTA thread (order, apartment, activation refused elsewhere), free-threaded
// delegates (IMarshal through the aggregated FTM), async completion of every shape
// (IAsyncAction, IAsyncOperation<boolean>, synchronous and on another thread, failures) with the
// close deferred until the completion callback has returned, watcher status values per watcher,
// the DateTime / IReference<T> / IVectorView<T> readers, and the record queue's bounds.
#include <windows.h>

#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "../../winrt/core/activation.h"
#include "../../winrt/core/agile-delegate.h"
#include "../../winrt/core/async-operation.h"
#include "../../winrt/core/module-pin.h"
#include "../../winrt/core/mta-thread.h"
#include "../../winrt/core/readers.h"
#include "../../winrt/core/record-queue.h"
#include "../../winrt/core/watcher-status.h"
#include "../runtime-object.h"

namespace {

using namespace wmbb;
namespace foundation = ABI::Windows::Foundation;
namespace collections = ABI::Windows::Foundation::Collections;
using test_component::RuntimeObject;

int passed = 0;
int failed = 0;

void Expect(bool condition, const char* what, int line) {
  if (condition) {
    ++passed;
  } else {
    ++failed;
    std::printf("FAIL line %d: %s\n", line, what);
  }
}
#define EXPECT(condition) Expect((condition), #condition, __LINE__)

/** Runs `task` on the MTA thread and waits for it (the test's own thread may wait; the addon's
 *  JS thread never does). */
void OnMta(std::function<void()> task) {
  HANDLE done = CreateEventW(nullptr, TRUE, FALSE, nullptr);
  MtaThread::Post([&] {
    task();
    SetEvent(done);
  });
  WaitForSingleObject(done, 10000);
  CloseHandle(done);
}

// ---- test objects ------------------------------------------------------------------------

class Int32Reference final
    : public RuntimeObject<Int32Reference, false, foundation::IReference<INT32>> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Foundation.IReference`1<Int32>";
  explicit Int32Reference(INT32 value) : value_(value) {}
  HRESULT STDMETHODCALLTYPE get_Value(INT32* value) override {
    *value = value_;
    return S_OK;
  }

 private:
  INT32 value_;
};

class DateTimeReference final
    : public RuntimeObject<DateTimeReference, false, foundation::IReference<foundation::DateTime>> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Foundation.IReference`1<DateTime>";
  explicit DateTimeReference(INT64 ticks) { value_.UniversalTime = ticks; }
  HRESULT STDMETHODCALLTYPE get_Value(foundation::DateTime* value) override {
    *value = value_;
    return S_OK;
  }

 private:
  foundation::DateTime value_{};
};

class StringVector final
    : public RuntimeObject<StringVector, false, collections::IVectorView<HSTRING>> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Foundation.Collections.IVectorView`1<String>";
  StringVector(std::vector<std::wstring> items, UINT32 failAt)
      : items_(std::move(items)), failAt_(failAt) {}
  HRESULT STDMETHODCALLTYPE GetAt(UINT32 index, HSTRING* value) override {
    if (index == failAt_) return E_FAIL;
    if (index >= items_.size()) return E_BOUNDS;
    return WindowsCreateString(items_[index].c_str(), static_cast<UINT32>(items_[index].size()),
                               value);
  }
  HRESULT STDMETHODCALLTYPE get_Size(UINT32* size) override {
    *size = static_cast<UINT32>(items_.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE IndexOf(HSTRING, UINT32*, boolean*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetMany(UINT32, UINT32, HSTRING*, UINT32*) override {
    return E_NOTIMPL;
  }

 private:
  std::vector<std::wstring> items_;
  UINT32 failAt_;
};

/** What a test operation records about how it was treated. */
struct OperationLog {
  std::atomic<bool> insideInvoke{false};
  std::atomic<DWORD> invokeThread{0};
  std::atomic<bool> closedInsideInvoke{false};
  std::atomic<int> closes{0};
  std::atomic<int> cancels{0};
};

/**
 * An IAsyncAction or IAsyncOperation<boolean> that ends as told: at once (its handler then runs
 * inside put_Completed) or on a thread of its own once the handler is set.
 */
template <class Operation, class Handler>
class TestOperation
    : public RuntimeObject<TestOperation<Operation, Handler>, false, Operation, IAsyncInfo> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Foundation.IAsyncInfo";
  TestOperation(AsyncStatus end, HRESULT error, bool onOtherThread, OperationLog* log)
      : end_(end), error_(error), otherThread_(onOtherThread), log_(log) {}

  HRESULT STDMETHODCALLTYPE put_Completed(Handler* handler) override {
    ComPtr<Handler> held(handler);
    if (!otherThread_) {
      Invoke(handler);
      return S_OK;
    }
    this->AddRef();
    std::thread([this, held] {
      Sleep(20);
      Invoke(held.Get());
      this->Release();
    }).detach();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Completed(Handler**) override { return E_NOTIMPL; }

  // IAsyncAction::GetResults() and IAsyncOperation<boolean>::GetResults(boolean*).
  HRESULT GetResultsImpl() { return end_ == AsyncStatus::Completed ? S_OK : E_ILLEGAL_METHOD_CALL; }

  HRESULT STDMETHODCALLTYPE get_Id(UINT32* id) override {
    *id = 1;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Status(AsyncStatus* status) override {
    *status = end_;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_ErrorCode(HRESULT* code) override {
    *code = error_;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Cancel() override {
    ++log_->cancels;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Close() override {
    ++log_->closes;
    // Inside its own completion callback: on the callback's thread while the handler runs.
    if (log_->insideInvoke && log_->invokeThread == GetCurrentThreadId()) {
      log_->closedInsideInvoke = true;
    }
    return S_OK;
  }

 private:
  void Invoke(Handler* handler) {
    // "Inside" is the handler's call on this thread: what Microsoft warns about (a release from
    // within the callback, which may wait for the callback itself). A close from the MTA thread
    // meanwhile is no release inside: Windows' frames around the call hold their own reference.
    log_->invokeThread = GetCurrentThreadId();
    log_->insideInvoke = true;
    handler->Invoke(this, end_);
    log_->insideInvoke = false;
  }

  AsyncStatus end_;
  HRESULT error_;
  bool otherThread_;
  OperationLog* log_;
};

class TestAction final
    : public TestOperation<foundation::IAsyncAction, foundation::IAsyncActionCompletedHandler> {
 public:
  using TestOperation::TestOperation;
  HRESULT STDMETHODCALLTYPE GetResults() override { return GetResultsImpl(); }
};

class TestBoolean final
    : public TestOperation<foundation::IAsyncOperation<boolean>,
                           foundation::IAsyncOperationCompletedHandler<boolean>> {
 public:
  using TestOperation::TestOperation;
  HRESULT STDMETHODCALLTYPE GetResults(boolean* result) override {
    *result = 1;
    return GetResultsImpl();
  }
};

/** Watches `operation` on the MTA thread and waits for its end. With `closeInCallback`, the
 *  owner closes from inside onEnd, as a JS thread that settles at once might race to. */
template <class Operation>
typename AsyncOperation<Operation>::End Await(ComPtr<Operation> operation, bool closeInCallback) {
  using Watched = AsyncOperation<Operation>;
  HANDLE done = CreateEventW(nullptr, TRUE, FALSE, nullptr);
  auto end = std::make_shared<typename Watched::End>();
  auto work = std::make_shared<std::shared_ptr<Watched>>();
  OnMta([&] {
    Status failure = Watched::Watch(
        operation, "Test.Operation",
        [end, done, work, closeInCallback](typename Watched::End value) {
          *end = std::move(value);
          // Close() must wait for the callback to return before IAsyncInfo::Close.
          if (closeInCallback && *work) (*work)->Close();
          SetEvent(done);
        },
        {}, work.get());
    if (failure) {
      end->failure = *failure;
      SetEvent(done);
    }
  });
  WaitForSingleObject(done, 10000);
  CloseHandle(done);
  if (!closeInCallback) OnMta([&] {
      if (*work) (*work)->Close();
    });
  OnMta([] {});  // a deferred close is a task queued after the callback returned
  Sleep(100);    // …or, on another thread, queued when the callback returns
  OnMta([] {});
  return *end;
}

// ---- tests -------------------------------------------------------------------------------

void TestMtaThread() {
  std::vector<int> order;
  DWORD thread = 0;
  APTTYPE type{};
  APTTYPEQUALIFIER qualifier{};
  for (int i = 0; i < 5; ++i) MtaThread::Post([&order, i] { order.push_back(i); });
  OnMta([&] {
    thread = GetCurrentThreadId();
    CoGetApartmentType(&type, &qualifier);
  });
  EXPECT((order == std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT(thread != GetCurrentThreadId());
  EXPECT(type == APTTYPE_MTA);
  EXPECT(!MtaThread::IsCurrent());

  // Activation only on the MTA thread.
  ComPtr<IActivationFactory> factory;
  Status off = GetActivationFactory(L"Windows.Test.NoSuchClass", "NoSuchClass", std::addressof(factory));
  EXPECT(off && off->hr == RPC_E_WRONG_THREAD);
  Status on;
  OnMta([&] { on = GetActivationFactory(L"Windows.Test.NoSuchClass", "NoSuchClass", std::addressof(factory)); });
  EXPECT(on && on->hr == REGDB_E_CLASSNOTREG);
}

void TestFreeThreadedDelegate() {
  class Handler final : public AgileDelegate<foundation::IAsyncActionCompletedHandler> {
   public:
    HRESULT STDMETHODCALLTYPE Invoke(foundation::IAsyncAction*, AsyncStatus) override {
      return S_OK;
    }
  };
  ComPtr<foundation::IAsyncActionCompletedHandler> handler = Adopt(new Handler());
  ComPtr<IMarshal> marshal;
  EXPECT(SUCCEEDED(handler.As(&marshal)));
  ComPtr<IAgileObject> agile;
  EXPECT(SUCCEEDED(handler.As(&agile)));
  // The FTM is aggregated: its interfaces lead back to the delegate.
  ComPtr<foundation::IAsyncActionCompletedHandler> back;
  EXPECT(SUCCEEDED(marshal.As(&back)) && back.Get() == handler.Get());
  CLSID unmarshaler{};
  EXPECT(SUCCEEDED(marshal->GetUnmarshalClass(__uuidof(foundation::IAsyncActionCompletedHandler),
                                              handler.Get(), MSHCTX_INPROC, nullptr,
                                              MSHLFLAGS_NORMAL, &unmarshaler)));
}

void TestAsyncShapes() {
  for (bool otherThread : {false, true}) {
    OperationLog log;
    auto end = Await<foundation::IAsyncAction>(
        Adopt(new TestAction(AsyncStatus::Completed, S_OK, otherThread, &log)), false);
    EXPECT(end.kind == AsyncEndKind::Completed);
    EXPECT(log.closes == 1);

    OperationLog boolLog;
    auto result = Await<foundation::IAsyncOperation<boolean>>(
        Adopt(new TestBoolean(AsyncStatus::Completed, S_OK, otherThread, &boolLog)), false);
    EXPECT(result.kind == AsyncEndKind::Completed && result.result == 1);

    OperationLog errorLog;
    auto error = Await<foundation::IAsyncAction>(
        Adopt(new TestAction(AsyncStatus::Error, E_ACCESSDENIED, otherThread, &errorLog)), false);
    EXPECT(error.kind == AsyncEndKind::Failed && error.failure.hr == E_ACCESSDENIED);

    OperationLog canceledLog;
    auto canceled = Await<foundation::IAsyncAction>(
        Adopt(new TestAction(AsyncStatus::Canceled, S_OK, otherThread, &canceledLog)), false);
    EXPECT(canceled.kind == AsyncEndKind::Canceled);

    // Closed from inside the completion callback: IAsyncInfo::Close waits until it returned.
    OperationLog deferredLog;
    auto deferred = Await<foundation::IAsyncAction>(
        Adopt(new TestAction(AsyncStatus::Completed, S_OK, otherThread, &deferredLog)), true);
    EXPECT(deferred.kind == AsyncEndKind::Completed);
    EXPECT(deferredLog.closes == 1);
    EXPECT(!deferredLog.closedInsideInvoke);
  }
}

void TestWatcherStatuses() {
  EXPECT(StopActionFor(0, kEsimWatcherStatuses) == StopAction::NotRunning);
  EXPECT(StopActionFor(1, kEsimWatcherStatuses) == StopAction::CallStop);
  EXPECT(StopActionFor(2, kEsimWatcherStatuses) == StopAction::CallStop);
  EXPECT(StopActionFor(3, kEsimWatcherStatuses) == StopAction::AwaitStopped);  // Stopping
  EXPECT(StopActionFor(4, kEsimWatcherStatuses) == StopAction::NotRunning);    // Stopped
  EXPECT(StopActionFor(1, kAccountWatcherStatuses) == StopAction::CallStop);
  EXPECT(StopActionFor(2, kAccountWatcherStatuses) == StopAction::CallStop);
  EXPECT(StopActionFor(3, kAccountWatcherStatuses) == StopAction::NotRunning);  // Stopped
  EXPECT(StopActionFor(4, kAccountWatcherStatuses) == StopAction::NotRunning);  // Aborted
  EXPECT(StopActionFor(99, kAccountWatcherStatuses) == StopAction::NotRunning);
}

void TestReaders() {
  EXPECT(UnixMillisFromTicks(kTicksFrom1601To1970) == 0);
  EXPECT(UnixMillisFromTicks(kTicksFrom1601To1970 + 10000) == 1);
  EXPECT(UnixMillisFromTicks(kTicksFrom1601To1970 - 10001) == -2);  // floor, as a JS Date
  // 2026-12-04T00:00:00Z
  EXPECT(UnixMillisFromTicks(1796342400000LL * 10000 + kTicksFrom1601To1970) == 1796342400000LL);

  std::optional<INT32> number;
  EXPECT(!ReadOptional<INT32>([](foundation::IReference<INT32>** out) { *out = nullptr; return S_OK; },
                              "Test.Null", &number) &&
         !number);
  EXPECT(!ReadOptional<INT32>(
             [](foundation::IReference<INT32>** out) { *out = new Int32Reference(42); return S_OK; },
             "Test.Value", &number) &&
         number == 42);
  Status failedRead = ReadOptional<INT32>(
      [](foundation::IReference<INT32>**) { return E_ACCESSDENIED; }, "Test.Denied", &number);
  EXPECT(failedRead && failedRead->hr == E_ACCESSDENIED && !number);
  std::optional<foundation::DateTime> when;
  EXPECT(!ReadOptional<foundation::DateTime>(
             [](foundation::IReference<foundation::DateTime>** out) {
               *out = new DateTimeReference(kTicksFrom1601To1970 + 50000);
               return S_OK;
             },
             "Test.When", &when) &&
         when && UnixMillis(*when) == 5);

  ComPtr<collections::IVectorView<HSTRING>> strings =
      Adopt<collections::IVectorView<HSTRING>>(new StringVector({L"a", L"b\u00e9", L""}, 99));
  std::vector<std::u16string> read;
  EXPECT(!ReadStrings(strings.Get(), "Test.Strings", &read));
  EXPECT((read == std::vector<std::u16string>{u"a", u"b\u00e9", u""}));
  ComPtr<collections::IVectorView<HSTRING>> broken =
      Adopt<collections::IVectorView<HSTRING>>(new StringVector({L"a", L"b", L"c"}, 1));
  int seen = 0;
  Status stopped = ForEach(broken.Get(), "Test.Broken", [&](UINT32, HSTRING) -> Status {
    ++seen;
    return std::nullopt;
  });
  EXPECT(stopped && stopped->hr == E_FAIL && seen == 1);
  EXPECT(!ReadStrings(nullptr, "Test.None", &read) && read.empty());
}

void TestRecordQueueBounds() {
  int signals = 0;
  RecordQueue queue({16, 2}, [&signals] { ++signals; });
  queue.AppendError(Failure{E_FAIL, "A"});
  queue.AppendError(Failure{E_FAIL, "B"});
  queue.AppendError(Failure{E_FAIL, "C"});  // over the bound: discarded and counted
  queue.AppendControl(RecordKind::Stopped);  // control records are never discarded
  RecordBatch batch;
  EXPECT(queue.Take(&batch));
  // Error A, Error B, then (at the point of loss) Overflow 1, then Stopped.
  const std::vector<int32_t>& words = batch.words();
  EXPECT(words.size() == 3 + 3 + 2 + 1);
  EXPECT(words[0] == static_cast<int32_t>(RecordKind::Error) && words[3] == words[0]);
  EXPECT(words[6] == static_cast<int32_t>(RecordKind::Overflow) && words[7] == 1);
  EXPECT(words[8] == static_cast<int32_t>(RecordKind::Stopped));
  EXPECT(queue.TotalDiscarded() == 1);

  queue.NoteOutOfMemory("Test.Handler");
  EXPECT(queue.Take(&batch));
  EXPECT(batch.words().size() >= 3 &&
         batch.words()[0] == static_cast<int32_t>(RecordKind::Error) &&
         batch.words()[1] == static_cast<int32_t>(E_OUTOFMEMORY));
  EXPECT(batch.text() == u"Test.Handler");
  EXPECT(queue.TotalDiscarded() == 2);
  EXPECT(!queue.Take(&batch));

  RecordBatch wide;
  wide.Int64(-2);
  wide.Int64(1796342400000LL);
  EXPECT(wide.words()[0] == -2 && wide.words()[1] == -1);
  EXPECT(static_cast<uint32_t>(wide.words()[2]) == (1796342400000ULL & 0xFFFFFFFFu) &&
         wide.words()[3] == 418);
}

}  // namespace

int main() {
  EXPECT(!PinModule());
  TestMtaThread();
  TestFreeThreadedDelegate();
  TestAsyncShapes();
  TestWatcherStatuses();
  TestReaders();
  TestRecordQueueBounds();
  std::printf("core blocks: %d passed, %d failed\n", passed, failed);
  std::fflush(stdout);
  // The MTA thread runs until the process ends; leave without waiting for it.
  ExitProcess(failed == 0 ? 0 : 1);
}
