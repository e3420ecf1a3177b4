#include "accounts.h"

#include <vector>

#include "../core/activation.h"
#include "../core/hstring.h"
#include "../core/readers.h"
#include "account-records.h"

namespace wmbb {
namespace {

using abi_netops::IMobileBroadbandAccount;
using abi_netops::IMobileBroadbandAccountStatics;

Status GetStatics(ComPtr<IMobileBroadbandAccountStatics>* out) {
  return GetActivationFactory(kMobileBroadbandAccountClass,
                              "RoGetActivationFactory(MobileBroadbandAccount)", out);
}

Status Write(IMobileBroadbandAccountStatics* statics, const std::u16string& id, RecordBatch* batch) {
  static constexpr const char* kCall = "MobileBroadbandAccount.CreateFromNetworkAccountId";
  HString text;
  if (auto f = HString::Create(id, &text)) return f;
  ComPtr<IMobileBroadbandAccount> account;
  if (auto f = Check(statics->CreateFromNetworkAccountId(text.Get(), &account), kCall)) return f;
  if (!account) return Failure{E_POINTER, kCall};
  // A record is written whole or not at all: a failure to identify the account drops it.
  RecordBatch one;
  one.Word(static_cast<int32_t>(kAccount));
  if (auto f = WriteAccount(account.Get(), one)) return f;
  one.CountRecord(true);
  batch->Append(one);
  return std::nullopt;
}

void WriteError(RecordBatch* batch, Failure failure) {
  batch->Word(static_cast<int32_t>(RecordKind::Error));
  batch->Word(static_cast<int32_t>(failure.hr));
  std::u16string call;
  for (const char* c = failure.call; *c != '\0'; ++c) call.push_back(static_cast<char16_t>(*c));
  batch->Text(call);
  batch->CountRecord(true);
}

}  // namespace

Status ReadAccounts(RecordBatch* batch) {
  ComPtr<IMobileBroadbandAccountStatics> statics;
  if (auto f = GetStatics(&statics)) return f;
  ComPtr<abi_collections::IVectorView<HSTRING>> ids;
  if (auto f = Check(statics->get_AvailableNetworkAccountIds(&ids),
                     "MobileBroadbandAccount.AvailableNetworkAccountIds"))
    return f;
  std::vector<std::u16string> list;
  if (auto f = ReadStrings(ids.Get(), "MobileBroadbandAccount.AvailableNetworkAccountIds", &list))
    return f;
  for (const std::u16string& id : list) {
    // Gone since it was listed, or unreadable: reported, and the rest still read.
    if (auto f = Write(statics.Get(), id, batch)) WriteError(batch, *f);
  }
  return std::nullopt;
}

Status ReadAccount(const std::u16string& networkAccountId, RecordBatch* batch) {
  ComPtr<IMobileBroadbandAccountStatics> statics;
  if (auto f = GetStatics(&statics)) return f;
  return Write(statics.Get(), networkAccountId, batch);
}

}  // namespace wmbb
