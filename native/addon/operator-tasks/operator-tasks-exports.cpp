#include "operator-tasks-exports.h"

#include <string>
#include <utility>
#include <vector>

#include "../../winrt/operator-tasks/background-access.h"
#include "../../winrt/operator-tasks/task-registrations.h"
#include "../core/js-errors.h"

namespace wmbb {
namespace {

/** A call's end: a value of type T, or the failure. */
template <class T>
struct ValueEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  T value{};
  Failure failure{E_FAIL, ""};
};

template <class T>
ValueEnd<T> EndOf(Status status, T value) {
  ValueEnd<T> end;
  if (status) {
    end.failure = *status;
  } else {
    end.kind = AsyncEndKind::Completed;
    end.value = std::move(value);
  }
  return end;
}

Napi::String Utf16(Napi::Env env, const std::u16string& text) {
  return Napi::String::New(env, text);
}

Napi::Object TaskToJs(Napi::Env env, const TaskInfo& task) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("taskId", Utf16(env, task.taskId));
  object.Set("name", Utf16(env, task.name));
  object.Set("trigger", Napi::Number::New(env, task.trigger));
  if (task.hasNetworkAccountId) object.Set("networkAccountId", Utf16(env, task.networkAccountId));
  return object;
}

/** Settles with `toJs(value)`, or rejects with the failure. */
template <class T, class ToJs>
auto Settle(ToJs toJs) {
  return [toJs](Napi::Env env, Napi::Promise::Deferred& deferred, ValueEnd<T>& end) {
    if (end.kind != AsyncEndKind::Completed) {
      deferred.Reject(WinRtError(env, end.failure).Value());
      return;
    }
    deferred.Resolve(toJs(env, end.value));
  };
}

OperatorTasksExports* Self(const Napi::CallbackInfo& info) {
  return static_cast<OperatorTasksExports*>(info.Data());
}

std::u16string StringArgument(const Napi::CallbackInfo& info, size_t index, const char* function,
                              const char* expected) {
  if (info.Length() <= index || !info[index].IsString()) ThrowTypeError(info.Env(), function, expected);
  return info[index].As<Napi::String>().Utf16Value();
}

}  // namespace

Napi::Object OperatorTasksExports::Define(Napi::Env env) {
  Napi::Object table = Napi::Object::New(env);
  table.Set("requestAccess", Napi::Function::New(env, RequestAccess, "requestAccess", this));
  table.Set("list", Napi::Function::New(env, List, "list", this));
  table.Set("unregister", Napi::Function::New(env, Unregister, "unregister", this));
  table.Set("register", Napi::Function::New(env, Register, "register", this));
  return table;
}

Napi::Value OperatorTasksExports::RequestAccess(const Napi::CallbackInfo& info) {
  using Operation = JsOperation<BackgroundAccessEnd>;
  return Operation::Start(
      info.Env(), Self(info)->operations_,
      [](Operation::EndSink onEnd, Operation::ProgressSink, std::shared_ptr<AsyncWork>* work) {
        return RequestBackgroundAccess(std::move(onEnd), work);
      },
      [](Napi::Env env, Napi::Promise::Deferred& deferred, BackgroundAccessEnd& end) {
        if (end.kind != AsyncEndKind::Completed) {
          deferred.Reject(WinRtError(env, end.failure).Value());
          return;
        }
        deferred.Resolve(Napi::Number::New(env, end.status));
      });
}

Napi::Value OperatorTasksExports::List(const Napi::CallbackInfo& info) {
  std::u16string prefix = StringArgument(info, 0, "list", "(namePrefix: string)");
  return StartMtaCall<ValueEnd<std::vector<TaskInfo>>>(
      info.Env(), Self(info)->operations_,
      [prefix = std::move(prefix)] {
        std::vector<TaskInfo> tasks;
        Status status = ListTasks(prefix, &tasks);
        return EndOf(status, std::move(tasks));
      },
      Settle<std::vector<TaskInfo>>([](Napi::Env env, const std::vector<TaskInfo>& tasks) {
        Napi::Array array = Napi::Array::New(env, tasks.size());
        for (size_t i = 0; i < tasks.size(); ++i) {
          array.Set(static_cast<uint32_t>(i), TaskToJs(env, tasks[i]));
        }
        return array;
      }));
}

Napi::Value OperatorTasksExports::Unregister(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsArray()) ThrowTypeError(env, "unregister", "(names: string[])");
  Napi::Array array = info[0].As<Napi::Array>();
  std::vector<std::u16string> names;
  for (uint32_t i = 0; i < array.Length(); ++i) {
    Napi::Value name = array.Get(i);
    if (!name.IsString()) ThrowTypeError(env, "unregister", "(names: string[])");
    names.push_back(name.As<Napi::String>().Utf16Value());
  }
  return StartMtaCall<ValueEnd<int32_t>>(
      env, Self(info)->operations_,
      [names = std::move(names)] {
        int32_t count = 0;
        Status status = UnregisterTasks(names, &count);
        return EndOf(status, count);
      },
      Settle<int32_t>([](Napi::Env env, int32_t count) { return Napi::Number::New(env, count); }));
}

Napi::Value OperatorTasksExports::Register(const Napi::CallbackInfo& info) {
  static constexpr const char* kExpected =
      "(name: string, entryPoint: string, trigger: 1 | 2, networkAccountId: string)";
  Napi::Env env = info.Env();
  std::u16string name = StringArgument(info, 0, "register", kExpected);
  std::u16string entryPoint = StringArgument(info, 1, "register", kExpected);
  if (info.Length() < 3 || !info[2].IsNumber()) ThrowTypeError(env, "register", kExpected);
  const int32_t trigger = info[2].As<Napi::Number>().Int32Value();
  if (trigger != kTaskTriggerNetworkOperatorNotification &&
      trigger != kTaskTriggerTetheringEntitlementCheck)
    ThrowTypeError(env, "register", kExpected);
  std::u16string networkAccountId = StringArgument(info, 3, "register", kExpected);
  return StartMtaCall<ValueEnd<TaskInfo>>(
      env, Self(info)->operations_,
      [name = std::move(name), entryPoint = std::move(entryPoint), trigger,
       networkAccountId = std::move(networkAccountId)] {
        TaskInfo task;
        Status status = RegisterTask(name, entryPoint, trigger, networkAccountId, &task);
        return EndOf(status, std::move(task));
      },
      Settle<TaskInfo>([](Napi::Env env, const TaskInfo& task) { return TaskToJs(env, task); }));
}

}  // namespace wmbb
