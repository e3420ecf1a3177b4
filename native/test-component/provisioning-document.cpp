#include "provisioning-document.h"

#include <cstdio>
#include <cwchar>
#include <utility>

namespace test_component {
namespace {

std::wstring LocalName(const std::wstring& qualified) {
  const size_t colon = qualified.find(L':');
  return colon == std::wstring::npos ? qualified : qualified.substr(colon + 1);
}

/** Resolves the five predefined entities and character references. */
std::wstring Unescape(const std::wstring& text) {
  std::wstring out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != L'&') {
      out.push_back(text[i]);
      continue;
    }
    const size_t end = text.find(L';', i);
    if (end == std::wstring::npos) {
      out.append(text, i, std::wstring::npos);
      break;
    }
    const std::wstring entity = text.substr(i + 1, end - i - 1);
    if (entity == L"amp") out.push_back(L'&');
    else if (entity == L"lt") out.push_back(L'<');
    else if (entity == L"gt") out.push_back(L'>');
    else if (entity == L"quot") out.push_back(L'"');
    else if (entity == L"apos") out.push_back(L'\'');
    else if (!entity.empty() && entity[0] == L'#') {
      const bool hex = entity.size() > 1 && (entity[1] == L'x' || entity[1] == L'X');
      const unsigned long code = wcstoul(entity.c_str() + (hex ? 2 : 1), nullptr, hex ? 16 : 10);
      if (code >= 0x10000) {
        out.push_back(static_cast<wchar_t>(0xD800 + ((code - 0x10000) >> 10)));
        out.push_back(static_cast<wchar_t>(0xDC00 + ((code - 0x10000) & 0x3FF)));
      } else {
        out.push_back(static_cast<wchar_t>(code));
      }
    }
    i = end;
  }
  return out;
}

std::wstring EscapeAttribute(const std::wstring& text) {
  std::wstring out;
  for (wchar_t c : text) {
    switch (c) {
      case L'&': out += L"&amp;"; break;
      case L'<': out += L"&lt;"; break;
      case L'>': out += L"&gt;"; break;
      case L'"': out += L"&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::wstring Trim(const std::wstring& text) {
  const size_t first = text.find_first_not_of(L" \t\r\n");
  if (first == std::wstring::npos) return L"";
  return text.substr(first, text.find_last_not_of(L" \t\r\n") - first + 1);
}

/** One start tag: its local name, its attributes (local names) and whether it closes itself. */
struct Tag {
  std::wstring name;
  std::vector<std::pair<std::wstring, std::wstring>> attributes;
  bool empty = false;
};

Tag ParseTag(const std::wstring& body) {
  Tag tag;
  size_t i = 0;
  while (i < body.size() && !iswspace(body[i]) && body[i] != L'/') ++i;
  tag.name = LocalName(body.substr(0, i));
  while (i < body.size()) {
    while (i < body.size() && iswspace(body[i])) ++i;
    if (i >= body.size()) break;
    if (body[i] == L'/') {
      tag.empty = true;
      break;
    }
    const size_t nameStart = i;
    while (i < body.size() && body[i] != L'=' && !iswspace(body[i])) ++i;
    std::wstring name = LocalName(body.substr(nameStart, i - nameStart));
    while (i < body.size() && body[i] != L'"' && body[i] != L'\'') ++i;
    if (i >= body.size()) break;
    const wchar_t quote = body[i++];
    const size_t valueEnd = body.find(quote, i);
    if (valueEnd == std::wstring::npos) break;
    tag.attributes.emplace_back(std::move(name), Unescape(body.substr(i, valueEnd - i)));
    i = valueEnd + 1;
  }
  return tag;
}

std::wstring Code(HRESULT hr) {
  if (SUCCEEDED(hr)) return L"S_OK";
  wchar_t text[16];
  swprintf(text, 16, L"%08lx", static_cast<unsigned long>(hr));
  return text;
}

}  // namespace

ProvisionedElements ReadProvisionedElements(const std::wstring& document) {
  ProvisionedElements found;
  std::vector<std::wstring> open;  // local names from the root down
  std::wstring text;               // the text of the element now open
  size_t i = 0;
  auto parent = [&](size_t up) -> std::wstring {
    return open.size() > up ? open[open.size() - 1 - up] : L"";
  };
  while (i < document.size()) {
    const size_t lt = document.find(L'<', i);
    if (lt == std::wstring::npos) break;
    text.append(document, i, lt - i);
    if (document.compare(lt, 4, L"<!--") == 0) {
      const size_t end = document.find(L"-->", lt);
      i = end == std::wstring::npos ? document.size() : end + 3;
      continue;
    }
    if (document.compare(lt, 9, L"<![CDATA[") == 0) {
      const size_t end = document.find(L"]]>", lt);
      const size_t stop = end == std::wstring::npos ? document.size() : end;
      text.append(document, lt + 9, stop - lt - 9);
      i = end == std::wstring::npos ? document.size() : end + 3;
      continue;
    }
    const size_t gt = document.find(L'>', lt);
    if (gt == std::wstring::npos) break;
    const std::wstring body = document.substr(lt + 1, gt - lt - 1);
    i = gt + 1;
    if (body.empty() || body[0] == L'?' || body[0] == L'!') continue;
    if (body[0] == L'/') {
      // An end tag: what was read inside the element counts now.
      if (!open.empty()) {
        if (open.back() == L"Name" && parent(1) == L"DefaultProfile") {
          found.profiles.push_back(Trim(Unescape(text)));
        }
        open.pop_back();
      }
      text.clear();
      continue;
    }
    Tag tag = ParseTag(body);
    text.clear();
    if (open.empty()) found.carrierProvisioning = tag.name == L"CarrierProvisioning";
    const std::wstring within = open.empty() ? L"" : open.back();
    if (within == L"Global" && tag.name == L"CarrierId") found.issuer = true;
    if (within == L"Global" && tag.name == L"SubscriberId") found.subscriber = true;
    if (open.size() == 1 && tag.name == L"MBNProfiles") found.mbnProfiles = true;
    if (open.size() == 1 && tag.name == L"Plans") found.plans = true;
    if (within == L"Plans" && tag.name == L"Plan") {
      std::wstring name;
      for (const auto& [attribute, value] : tag.attributes) {
        if (attribute == L"Name") name = value;
      }
      found.planNames.push_back(name);
    }
    if (!tag.empty) open.push_back(tag.name);
  }
  return found;
}

std::wstring WriteProvisioningResults(const ProvisionedElements& elements,
                                      const std::vector<ElementFailure>& failures,
                                      bool* allProvisioned) {
  *allProvisioned = true;
  auto code = [&](const wchar_t* element, const std::wstring* name) {
    for (const ElementFailure& failure : failures) {
      if (failure.element != element) continue;
      if (!failure.name.empty() && (name == nullptr || failure.name != *name)) continue;
      *allProvisioned = false;
      return Code(failure.hr);
    }
    return Code(S_OK);
  };
  auto leaf = [&](const wchar_t* element) {
    return std::wstring(L"  <") + element + L" errorCode=\"" + code(element, nullptr) + L"\"/>\n";
  };
  auto named = [&](const wchar_t* element, const std::wstring& name) {
    return std::wstring(L"    <") + element + L" name=\"" + EscapeAttribute(name) +
           L"\" errorCode=\"" + code(element, &name) + L"\"/>\n";
  };
  std::wstring body;
  if (elements.issuer) body += leaf(L"Issuer");
  if (elements.subscriber) body += leaf(L"Subscriber");
  if (elements.mbnProfiles) {
    body += L"  <MBNProfiles errorCode=\"" + code(L"MBNProfiles", nullptr) + L"\">\n";
    for (const std::wstring& name : elements.profiles) body += named(L"DefaultProfile", name);
    body += L"  </MBNProfiles>\n";
  }
  if (elements.plans) {
    body += L"  <Plans errorCode=\"" + code(L"Plans", nullptr) + L"\">\n";
    for (const std::wstring& name : elements.planNames) body += named(L"Plan", name);
    body += L"  </Plans>\n";
  }
  return L"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
         L"<CarrierProvisioningResult "
         L"xmlns=\"http://www.microsoft.com/networking/CarrierControlResults/v2\" "
         L"errorCode=\"S_OK\">\n" +
         body + L"</CarrierProvisioningResult>\n";
}

}  // namespace test_component
