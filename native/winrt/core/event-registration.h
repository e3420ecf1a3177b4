// An event subscription on a WinRT object, removed when this object goes away or on Remove().
// Keeping the token and the source together means no handler is left registered by mistake:
// the test component counts registrations that were never removed as leaks.
#pragma once

#include "status.h"
#include "winrt-abi.h"

namespace wmbb {

template <class Source>
class EventRegistration {
 public:
  using RemoveMethod = HRESULT (STDMETHODCALLTYPE Source::*)(EventRegistrationToken);

  EventRegistration() = default;
  EventRegistration(ComPtr<Source> source, RemoveMethod remove, EventRegistrationToken token)
      : source_(std::move(source)), remove_(remove), token_(token) {}
  ~EventRegistration() { Remove(); }
  EventRegistration(const EventRegistration&) = delete;
  EventRegistration& operator=(const EventRegistration&) = delete;
  EventRegistration(EventRegistration&& other) noexcept { *this = std::move(other); }
  EventRegistration& operator=(EventRegistration&& other) noexcept {
    if (this != &other) {
      Remove();
      source_ = std::move(other.source_);
      remove_ = other.remove_;
      token_ = other.token_;
      other.source_.Reset();
    }
    return *this;
  }

  /** Unsubscribes. The HRESULT is ignored on purpose: the source may already be gone. */
  void Remove() {
    if (source_) {
      ComPtr<Source> source = std::move(source_);
      ((*source.Get()).*remove_)(token_);
    }
  }

 private:
  ComPtr<Source> source_;
  RemoveMethod remove_ = nullptr;
  EventRegistrationToken token_{};
};

/**
 * Subscribes `handler` through `add` and keeps the registration (removed with `remove` when it
 * goes away). `call` names the `add_` member in a failure.
 */
template <class Source, class Handler, class Add>
Status Subscribe(const ComPtr<Source>& source, Add add,
                 typename EventRegistration<Source>::RemoveMethod remove, ComPtr<Handler> handler,
                 const char* call, EventRegistration<Source>* registration) {
  EventRegistrationToken token{};
  if (auto f = Check(((*source.Get()).*add)(handler.Get(), &token), call)) return f;
  *registration = EventRegistration<Source>(source, remove, token);
  return std::nullopt;
}

}  // namespace wmbb
