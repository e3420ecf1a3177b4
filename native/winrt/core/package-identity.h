// Whether the process has package identity (an MSIX or sparse package): what Windows requires
// of a process that registers background tasks, and what makes a process serve the operator
// app's events by default.
#pragma once

#include "status.h"

namespace wmbb {

/**
 * GetCurrentPackageFullName: `*hasIdentity` false for APPMODEL_ERROR_NO_PACKAGE (15700), true
 * when the process has a package name. Any other answer fails with its HRESULT. Any thread.
 */
Status HasPackageIdentity(bool* hasIdentity);

}  // namespace wmbb
