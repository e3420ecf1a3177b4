// The imitated eSIM objects: ESim, ESimProfile, their policies, the profile list, IReference
// values, ESimServiceInfo and the watcher's event args.
//
// An eSIM's parts (strings, policy, profile list, profiles) are built once per snapshot and
// shared by every ESim object made from it, the way a WinRT object hands out its properties:
// strings are returned with WindowsDuplicateString (a reference count, no copy) and child
// objects with AddRef. A burst of events for one eSIM therefore makes one ESim object and one
// firmware string per event, which keeps the component from dominating the delivery benchmark.
#pragma once

#include <memory>
#include <string_view>

#include "runtime-object.h"
#include "scenario.h"

namespace test_component {

/** The built parts of one eSIM snapshot (defined in esim-objects.cpp). */
class EsimParts;

/** Builds the parts of `snapshot` (its profiles and policies as COM objects). */
std::shared_ptr<const EsimParts> BuildEsimParts(const EsimSnapshot& snapshot);

/** An ESim object over `parts`, reporting `firmwareVersion`; the caller owns the reference. */
netops::IESim* NewEsim(std::shared_ptr<const EsimParts> parts, std::wstring_view firmwareVersion);

/** An ESim object for `snapshot`; the caller owns the reference. */
netops::IESim* NewEsim(const EsimSnapshot& snapshot);

/** Makes an ESimServiceInfo with the scenario's values. */
netops::IESimServiceInfo* NewServiceInfo();

/** Event args of the three eSIM events of ESimWatcher: they hand out one ESim object. */
template <class Interface>
class EsimEventArgs final : public RuntimeObject<EsimEventArgs<Interface>, true, Interface> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.NetworkOperators.ESimEventArgs";
  /** Takes over the reference `esim` carries. */
  explicit EsimEventArgs(netops::IESim* esim) { *esim_.GetAddressOf() = esim; }
  HRESULT STDMETHODCALLTYPE get_ESim(netops::IESim** value) override {
    if (value == nullptr) return E_POINTER;
    return esim_.CopyTo(value);
  }

 private:
  ComPtr<netops::IESim> esim_;
};

}  // namespace test_component
