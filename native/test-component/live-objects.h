// Counts the component's live objects and unremoved event registrations, so a test can assert
// that the addon released everything it was given (ITestControl::LiveObjects).
#pragma once

#include <atomic>

namespace test_component {

std::atomic<long>& LiveObjectCount();

/** Base of every counted object: +1 while it exists. The control object is not counted. */
template <bool counted>
class Counter {
 protected:
  Counter() { ++LiveObjectCount(); }
  ~Counter() { --LiveObjectCount(); }
};

template <>
class Counter<false> {};

}  // namespace test_component
