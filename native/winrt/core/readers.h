// Reading WinRT values into plain C++ values, for every capability's record writers and
// operation ends. Run on the MTA thread or the thread Windows raised an event on.
//
//   DateTime        → milliseconds since 1970-01-01 UTC (what a JS Date takes)
//   IReference<T>   → std::optional<T>: a null reference is "no value", never an error
//   IVectorView<T>  → each element in order, through GetAt/get_Size (not IIterator, whose
//                     signatures differ between Wine's IDL and the Windows SDK)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "hstring.h"
#include "status.h"

namespace wmbb {

/** DateTime.UniversalTime is in 100-ns ticks since 1601-01-01; JS counts ms since 1970. */
inline constexpr int64_t kTicksFrom1601To1970 = 116444736000000000LL;

inline int64_t UnixMillisFromTicks(int64_t ticks) {
  // Floor division, so instants before 1970 round toward the past as a JS Date does.
  const int64_t since1970 = ticks - kTicksFrom1601To1970;
  return since1970 >= 0 ? since1970 / 10000 : -((-since1970 + 9999) / 10000);
}

inline int64_t UnixMillis(const ABI::Windows::Foundation::DateTime& value) {
  return UnixMillisFromTicks(value.UniversalTime);
}

/** The type GetAt(UINT32, E*) writes. */
template <class C, class E>
E ElementOf(HRESULT (STDMETHODCALLTYPE C::*)(UINT32, E*));

/** Releases what GetAt handed out: a reference, a string, or nothing for a value. */
template <class T>
void ReleaseElement(T& element) {
  if constexpr (std::is_pointer_v<T> && std::is_base_of_v<IUnknown, std::remove_pointer_t<T>>) {
    if (element != nullptr) element->Release();
  } else if constexpr (std::is_same_v<T, HSTRING>) {
    WindowsDeleteString(element);
  }
}

/**
 * Reads an IReference<T> property through its getter (`get(IReference<T>**)`); `*out` is
 * empty when the property is null.
 */
template <class T, class Get>
Status ReadOptional(Get&& get, const char* call, std::optional<T>* out) {
  out->reset();
  ComPtr<abi_foundation::IReference<T>> reference;
  if (auto f = Check(get(reference.ReleaseAndGetAddressOf()), call)) return f;
  if (!reference) return std::nullopt;
  T value{};
  if (auto f = Check(reference->get_Value(&value), call)) return f;
  *out = value;
  return std::nullopt;
}

/**
 * Calls `each(index, element)` for every element of `vector` in order; `each` returns a Status
 * and the first failure stops the walk. A null vector is empty.
 */
template <class Element, class Each>
Status ForEach(abi_collections::IVectorView<Element>* vector, const char* call, Each&& each) {
  if (vector == nullptr) return std::nullopt;
  UINT32 size = 0;
  if (auto f = Check(vector->get_Size(&size), call)) return f;
  for (UINT32 i = 0; i < size; ++i) {
    // What GetAt writes: an interface pointer, an HSTRING or a value (the ABI type of Element).
    decltype(ElementOf(&abi_collections::IVectorView<Element>::GetAt)) element{};
    if (auto f = Check(vector->GetAt(i, &element), call)) return f;
    Status result = each(i, element);
    ReleaseElement(element);
    if (result) return result;
  }
  return std::nullopt;
}

/** An IVectorView<HSTRING> as strings. */
inline Status ReadStrings(abi_collections::IVectorView<HSTRING>* vector, const char* call,
                          std::vector<std::u16string>* out) {
  out->clear();
  return ForEach(vector, call, [&](UINT32, HSTRING value) -> Status {
    UINT32 length = 0;
    const wchar_t* raw = WindowsGetStringRawBuffer(value, &length);
    out->emplace_back(reinterpret_cast<const char16_t*>(raw), length);
    return std::nullopt;
  });
}

}  // namespace wmbb
