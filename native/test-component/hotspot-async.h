// The imitated hotspot's asynchronous operations: IAsyncOperation<NetworkOperatorTetheringOperationResult>,
// IAsyncOperation<boolean> and IAsyncAction, each an ImitatedAsync (imitated-async.h).
#pragma once

#include "imitated-async.h"

namespace test_component {

using HotspotResultOperation =
    foundation::IAsyncOperation<netops::NetworkOperatorTetheringOperationResult*>;

/** An operation whose result is a NetworkOperatorTetheringOperationResult. */
class HotspotResultAsync final
    : public ImitatedAsync<HotspotResultAsync, HotspotResultOperation,
                          foundation::IAsyncOperationCompletedHandler<
                              netops::NetworkOperatorTetheringOperationResult*>> {
 public:
  HRESULT STDMETHODCALLTYPE GetResults(netops::INetworkOperatorTetheringOperationResult** results) override {
    if (results == nullptr) return E_POINTER;
    if (HRESULT hr = Readable(); FAILED(hr)) return hr;
    return result_.CopyTo(results);
  }
  void SetResult(netops::INetworkOperatorTetheringOperationResult* result) { result_ = result; }
  ~HotspotResultAsync() override = default;

 private:
  ComPtr<netops::INetworkOperatorTetheringOperationResult> result_;
};

/** An operation whose result is a boolean (IsBandSupportedAsync and its kin). */
class HotspotBoolAsync final
    : public ImitatedAsync<HotspotBoolAsync, foundation::IAsyncOperation<boolean>,
                          foundation::IAsyncOperationCompletedHandler<boolean>> {
 public:
  HRESULT STDMETHODCALLTYPE GetResults(boolean* results) override {
    if (results == nullptr) return E_POINTER;
    if (HRESULT hr = Readable(); FAILED(hr)) return hr;
    *results = value_ ? 1 : 0;
    return S_OK;
  }
  void SetResult(bool value) { value_ = value; }

 private:
  bool value_ = false;
};

/** An IAsyncAction (ConfigureAccessPointAsync, the timeout's switches). */
class HotspotActionAsync final
    : public ImitatedAsync<HotspotActionAsync, foundation::IAsyncAction,
                          foundation::IAsyncActionCompletedHandler> {
 public:
  HRESULT STDMETHODCALLTYPE GetResults() override { return Readable(); }
};

}  // namespace test_component
