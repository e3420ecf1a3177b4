// The handlers of one event of an imitated Windows object, by token: what every imitated
// watcher and event source of the component uses.
#pragma once

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "live-objects.h"
#include "winrt.h"

namespace test_component {

/**
 * Handlers of one event, by token. A registration counts as a live object until removed.
 * Raising reads an immutable list replaced on every add/remove, so a burst of events costs no
 * allocation here and a handler may unsubscribe while being called.
 */
template <class Handler>
class HandlerTable {
 public:
  using List = std::vector<std::pair<INT64, ComPtr<Handler>>>;

  HRESULT Add(Handler* handler, EventRegistrationToken* token) {
    if (handler == nullptr || token == nullptr) return E_POINTER;
    std::lock_guard<std::mutex> lock(mutex_);
    auto next = std::make_shared<List>(*list_);
    token->value = ++next_;
    next->emplace_back(token->value, handler);
    list_ = std::move(next);
    ++LiveObjectCount();
    return S_OK;
  }
  HRESULT Remove(EventRegistrationToken token) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto next = std::make_shared<List>();
    for (const auto& entry : *list_) {
      if (entry.first != token.value) next->push_back(entry);
    }
    if (next->size() != list_->size()) --LiveObjectCount();
    list_ = std::move(next);
    return S_OK;
  }
  template <class Call>
  void Raise(Call&& call) {
    std::shared_ptr<const List> list;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      list = list_;
    }
    for (const auto& entry : *list) call(entry.second.Get());
  }

 private:
  std::mutex mutex_;
  INT64 next_ = 0;
  std::shared_ptr<const List> list_ = std::make_shared<List>();
};

}  // namespace test_component
