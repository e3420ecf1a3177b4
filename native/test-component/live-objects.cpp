#include "live-objects.h"

namespace test_component {

std::atomic<long>& LiveObjectCount() {
  static std::atomic<long> count{0};
  return count;
}

}  // namespace test_component
