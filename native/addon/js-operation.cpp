#include "js-operation.h"

namespace wmbb {

void OperationRegistry::AbandonAll() {
  // Abandon() removes the side from the set: iterate over a copy.
  const std::set<JsOperationSide*> sides = sides_;
  for (JsOperationSide* side : sides) side->Abandon();
}

}  // namespace wmbb
