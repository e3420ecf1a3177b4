#include <memory>

#include "tethering-reads.h"

#include <type_traits>

#include "../core/activation.h"
#include "../core/readers.h"
#include "host-name-abi.h"
#include "tethering-calls.h"
#include "tethering-manager.h"

namespace wmbb {
namespace {

using abi_netops::INetworkOperatorTetheringAccessPointConfiguration;
using abi_netops::INetworkOperatorTetheringAccessPointConfiguration2;
using abi_netops::INetworkOperatorTetheringAccessPointConfiguration3;
using abi_netops::INetworkOperatorTetheringClient;
using abi_netops::INetworkOperatorTetheringClientManager;
using abi_netops::INetworkOperatorTetheringManager;
using abi_netops::INetworkOperatorTetheringManagerStatics4;

/** The interface a getter hands out (`get(T**)` → T). */
template <class C, class T>
T* OutPointer(HRESULT (STDMETHODCALLTYPE C::*)(T**));

/** Interface `To` of `from`, or null when this Windows lacks it (E_NOINTERFACE). */
template <class To, class From>
Status QueryOptional(From* from, const char* call, ComPtr<To>* out) {
  const HRESULT hr =
      from->QueryInterface(__uuidof(To), reinterpret_cast<void**>(out->ReleaseAndGetAddressOf()));
  if (hr == E_NOINTERFACE) {
    out->Reset();
    return std::nullopt;
  }
  return Check(hr, call);
}

Status ReadHostNames(INetworkOperatorTetheringClient* client, std::vector<std::u16string>* out) {
  static constexpr const char* kCall = "NetworkOperatorTetheringClient.HostNames";
  // IVectorView<HostName> in the Windows SDK, IVectorView<IInspectable> in native/abi: either
  // way each element is asked for IHostName (host-name-abi.h).
  using Names = std::remove_pointer_t<decltype(OutPointer(&INetworkOperatorTetheringClient::get_HostNames))>;
  ComPtr<Names> names;
  if (auto f = Check(client->get_HostNames(&names), kCall)) return f;
  return ForEach(names.Get(), kCall, [&](UINT32, auto* element) -> Status {
    if (element == nullptr) return std::nullopt;
    ComPtr<host_name::IHostName> name;
    if (auto f = Check(element->QueryInterface(__uuidof(host_name::IHostName),
                                               reinterpret_cast<void**>(name.GetAddressOf())),
                       kCall))
      return f;
    HString text;
    if (auto f = Check(name->get_DisplayName(text.Put()), "HostName.DisplayName")) return f;
    out->emplace_back(text.View());
    return std::nullopt;
  });
}

}  // namespace

Status ReadTetheringStatus(const TetheringTarget& target, TetheringStatusRead* out) {
  ComPtr<INetworkOperatorTetheringManager> manager;
  if (auto f = MakeTetheringManager(target, std::addressof(manager), &out->capability)) return f;
  if (!manager) return std::nullopt;  // a disabled hotspot Windows made no manager for
  abi_netops::TetheringOperationalState state{};
  if (auto f = Check(manager->get_TetheringOperationalState(&state),
                     "NetworkOperatorTetheringManager.TetheringOperationalState"))
    return f;
  out->state = static_cast<int32_t>(state);
  if (auto f = Check(manager->get_ClientCount(&out->clientCount),
                     "NetworkOperatorTetheringManager.ClientCount"))
    return f;
  return Check(manager->get_MaxClientCount(&out->maxClientCount),
               "NetworkOperatorTetheringManager.MaxClientCount");
}

Status ReadAccessPoint(const TetheringTarget& target, AccessPoint* out) {
  static constexpr const char* kCall = "NetworkOperatorTetheringManager.GetCurrentAccessPointConfiguration";
  ComPtr<INetworkOperatorTetheringManager> manager;
  if (auto f = MakeTetheringManager(target, std::addressof(manager))) return f;
  ComPtr<INetworkOperatorTetheringAccessPointConfiguration> configuration;
  if (auto f = Check(manager->GetCurrentAccessPointConfiguration(&configuration), kCall)) return f;
  if (!configuration) return Failure{E_POINTER, kCall};
  HString ssid;
  if (auto f = Check(configuration->get_Ssid(ssid.Put()),
                     "NetworkOperatorTetheringAccessPointConfiguration.Ssid"))
    return f;
  HString passphrase;
  if (auto f = Check(configuration->get_Passphrase(passphrase.Put()),
                     "NetworkOperatorTetheringAccessPointConfiguration.Passphrase"))
    return f;
  out->ssid = ssid.View();
  out->passphrase = passphrase.View();
  ComPtr<INetworkOperatorTetheringAccessPointConfiguration2> second;
  if (auto f = QueryOptional(configuration.Get(), kBandCall, std::addressof(second))) return f;
  if (second) {
    abi_netops::TetheringWiFiBand band{};
    if (auto f = Check(second->get_Band(&band), kBandCall)) return f;
    out->band = static_cast<int32_t>(band);
  }
  ComPtr<INetworkOperatorTetheringAccessPointConfiguration3> third;
  if (auto f = QueryOptional(configuration.Get(), kAuthenticationKindCall, std::addressof(third))) return f;
  if (third) {
    abi_netops::TetheringWiFiAuthenticationKind kind{};
    if (auto f = Check(third->get_AuthenticationKind(&kind), kAuthenticationKindCall)) return f;
    out->authenticationKind = static_cast<int32_t>(kind);
  }
  return std::nullopt;
}

Status ReadTetheringClients(const TetheringTarget& target, std::vector<TetheringClientRead>* out) {
  static constexpr const char* kCall = "NetworkOperatorTetheringManager.GetTetheringClients";
  out->clear();
  ComPtr<INetworkOperatorTetheringManager> manager;
  if (auto f = MakeTetheringManager(target, std::addressof(manager))) return f;
  ComPtr<INetworkOperatorTetheringClientManager> clients;
  if (auto f = Check(manager.As(&clients), kCall)) return f;
  using Clients = std::remove_pointer_t<decltype(OutPointer(&INetworkOperatorTetheringClientManager::GetTetheringClients))>;
  ComPtr<Clients> list;
  if (auto f = Check(clients->GetTetheringClients(&list), kCall)) return f;
  return ForEach(list.Get(), kCall, [&](UINT32, INetworkOperatorTetheringClient* client) -> Status {
    if (client == nullptr) return std::nullopt;
    TetheringClientRead read;
    HString mac;
    if (auto f = Check(client->get_MacAddress(mac.Put()), "NetworkOperatorTetheringClient.MacAddress"))
      return f;
    read.macAddress = mac.View();
    if (auto f = ReadHostNames(client, &read.hostNames)) return f;
    out->push_back(std::move(read));
    return std::nullopt;
  });
}

Status ReadNoConnectionsTimeout(bool* enabled) {
  ComPtr<INetworkOperatorTetheringManagerStatics4> statics;
  if (auto f = GetActivationFactory(kTetheringManagerClass, kTimeoutEnabledCall, std::addressof(statics))) return f;
  boolean value = 0;
  if (auto f = Check(statics->IsNoConnectionsTimeoutEnabled(&value), kTimeoutEnabledCall)) return f;
  *enabled = value != 0;
  return std::nullopt;
}

}  // namespace wmbb
