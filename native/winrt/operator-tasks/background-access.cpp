#include "background-access.h"

#include <memory>

#include "../core/activation.h"
#include "../core/async-operation.h"

#include <windows.applicationmodel.background.h>

namespace wmbb {
namespace {

namespace abi_background = ABI::Windows::ApplicationModel::Background;
using AccessOperation = abi_foundation::IAsyncOperation<abi_background::BackgroundAccessStatus>;

constexpr const wchar_t* kExecutionManagerClass =
    L"Windows.ApplicationModel.Background.BackgroundExecutionManager";
constexpr const char* kCall = "BackgroundExecutionManager.RequestAccessAsync";

}  // namespace

Status RequestBackgroundAccess(std::function<void(BackgroundAccessEnd)> onEnd,
                               std::shared_ptr<AsyncWork>* work) {
  ComPtr<abi_background::IBackgroundExecutionManagerStatics> statics;
  if (auto f = GetActivationFactory(kExecutionManagerClass,
                                    "RoGetActivationFactory(BackgroundExecutionManager)",
                                    std::addressof(statics)))
    return f;
  ComPtr<AccessOperation> operation;
  if (auto f = Check(statics->RequestAccessAsync(&operation), kCall)) return f;
  std::shared_ptr<AsyncOperation<AccessOperation>> watched;
  auto f = AsyncOperation<AccessOperation>::Watch(
      std::move(operation), kCall,
      [onEnd = std::move(onEnd)](AsyncOperation<AccessOperation>::End end) {
        BackgroundAccessEnd out;
        out.kind = end.kind;
        out.failure = end.failure;
        if (end.kind == AsyncEndKind::Completed) out.status = static_cast<int32_t>(end.result);
        onEnd(std::move(out));
      },
      {}, &watched);
  if (f) return f;
  *work = std::move(watched);
  return std::nullopt;
}

}  // namespace wmbb
