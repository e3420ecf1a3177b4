// What the imitated ProvisioningAgent reads of a CarrierProvisioning document and the result
// document it writes (ProvisionResultsXml), in the shape Microsoft documents for
// ProvisionFromXmlDocumentResults: the ResultsSchema_v2 namespace, root
// CarrierProvisioningResult, one element per element processed (Issuer, Subscriber,
// MBNProfiles/DefaultProfile name="…", Plans/Plan name="…"), each with errorCode S_OK or the
// HRESULT as eight hexadecimal digits [0-9a-f]. Plain C++, no COM.
#pragma once

#include <windows.h>

#include <string>
#include <vector>

namespace test_component {

/** The elements of a document that the result document reports on. */
struct ProvisionedElements {
  /** The root is CarrierProvisioning (whatever its namespace prefix). */
  bool carrierProvisioning = false;
  bool issuer = false;      // Global/CarrierId
  bool subscriber = false;  // Global/SubscriberId
  bool mbnProfiles = false;
  std::vector<std::wstring> profiles;  // each DefaultProfile's Name
  bool plans = false;
  std::vector<std::wstring> planNames;  // each Plan's Name attribute
};

/** An element the script reports as failed; an empty name matches any of that element. */
struct ElementFailure {
  std::wstring element;
  std::wstring name;
  HRESULT hr = E_INVALIDARG;
};

/** Reads what the result document reports on; a tolerant scan, enough for well-formed text. */
ProvisionedElements ReadProvisionedElements(const std::wstring& document);

/** The result document; `allProvisioned` is false when any reported element failed. */
std::wstring WriteProvisioningResults(const ProvisionedElements& elements,
                                      const std::vector<ElementFailure>& failures,
                                      bool* allProvisioned);

}  // namespace test_component
