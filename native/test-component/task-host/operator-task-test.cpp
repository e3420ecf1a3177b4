// The operator task component's pieces that need no second process, tested on their own under
// Wine: the blob's JSON escaping, the INI configuration and the details reader (every field, the
// SMS PDU, issues for unreadable fields, the 16 384-unit cut). The lane reads the closing line:
//
//   operator task unit: N passed, M failed
#include <windows.h>

#include <cstdio>
#include <string>

#include "../../operator-task/blob-writer.h"
#include "../../operator-task/details-reader.h"
#include "../../operator-task/task-config.h"
#include "test-objects.h"

namespace {

int passed = 0;
int failed = 0;

void Expect(bool condition, const char* what, int line) {
  if (condition) {
    ++passed;
  } else {
    ++failed;
    std::printf("FAIL line %d: %s\n", line, what);
  }
}
#define EXPECT(condition) Expect((condition), #condition, __LINE__)

std::u16string Quoted(std::u16string_view text) {
  std::u16string out;
  wmbb::AppendJsonString(out, text);
  return out;
}

bool Contains(const std::u16string& text, std::u16string_view part) {
  return text.find(part) != std::u16string::npos;
}

void TestEscaping() {
  EXPECT(Quoted(u"") == u"\"\"");
  EXPECT(Quoted(u"plain text") == u"\"plain text\"");
  EXPECT(Quoted(u"a\"b\\c") == u"\"a\\\"b\\\\c\"");
  EXPECT(Quoted(u"line\nnext\t\x01") == u"\"line\\u000Anext\\u0009\\u0001\"");
  EXPECT(Quoted(u"\x1F\x20") == u"\"\\u001F \"");
  EXPECT(Quoted(u"/ and \x7F stay") == u"\"/ and \x7F stay\"");
  // A pair is copied; a surrogate alone becomes an escape wherever it stands.
  EXPECT(Quoted(u"\U0001F4F6") == u"\"\U0001F4F6\"");
  const char16_t loneHigh[] = {u'a', 0xD800, 0};
  EXPECT(Quoted(loneHigh) == u"\"a\\uD800\"");
  const char16_t highThenText[] = {0xD83D, u'x', 0};
  EXPECT(Quoted(highThenText) == u"\"\\uD83Dx\"");
  const char16_t loneLow[] = {0xDC00, u'y', 0};
  EXPECT(Quoted(loneLow) == u"\"\\uDC00y\"");
  const char16_t twoHighs[] = {0xD83D, 0xD83D, 0xDCF6, 0};
  EXPECT(Quoted(twoHighs) == u"\"\\uD83D\U0001F4F6\"");
}

void TestWriter() {
  wmbb::JsonObjectWriter empty;
  EXPECT(empty.Text() == u"{}");
  wmbb::JsonObjectWriter inner;
  inner.Number("id", 7);
  inner.String("pdu", u"07AB");
  wmbb::JsonObjectWriter outer;
  outer.Number("v", 1);
  outer.Number("negative", -5);
  outer.Object("sms", inner);
  outer.Strings("issues", {u"Message: 0x80004005", u"a\"b"});
  outer.Strings("none", {});
  EXPECT(outer.Text() ==
         u"{\"v\":1,\"negative\":-5,\"sms\":{\"id\":7,\"pdu\":\"07AB\"},"
         u"\"issues\":[\"Message: 0x80004005\",\"a\\\"b\"],\"none\":[]}");
  const uint8_t bytes[] = {0x07, 0x91, 0xAB, 0x00, 0xFF};
  EXPECT(wmbb::UpperHex(bytes, 5) == u"0791AB00FF");
  EXPECT(wmbb::UpperHex(bytes, 0) == u"");
}

std::wstring WriteIni(const wchar_t* name, const char* text) {
  wchar_t folder[MAX_PATH];
  GetTempPathW(MAX_PATH, folder);
  std::wstring path = std::wstring(folder) + name;
  FILE* file = _wfopen(path.c_str(), L"wb");
  std::fputs(text, file);
  std::fclose(file);
  return path;
}

void TestConfig() {
  const std::u16string defaultReason = wmbb::kDefaultReason;
  wmbb::TaskConfig none = wmbb::ReadTaskConfig(L"Z:\\no\\such\\folder\\wmbb-operator-task.ini");
  EXPECT(!none.allow && none.reason == defaultReason && none.deadlineMs == 20000);
  wmbb::TaskConfig empty = wmbb::ReadTaskConfig(L"");
  EXPECT(!empty.allow && empty.reason == defaultReason && empty.deadlineMs == 20000);

  // The brief's example, inline comments and all: the reason keeps its own ';'.
  wmbb::TaskConfig example = wmbb::ReadTaskConfig(WriteIni(
      L"wmbb-task-example.ini",
      "[entitlement]\r\ndefault=deny            ; allow | deny\r\n"
      "reason=The operator app could not check your plan; try again in a minute.\r\n"
      "deadlineMs=20000        ; 1000..25000\r\n"));
  EXPECT(!example.allow && example.reason == defaultReason && example.deadlineMs == 20000);

  wmbb::TaskConfig allow = wmbb::ReadTaskConfig(WriteIni(
      L"wmbb-task-allow.ini",
      "[entitlement]\r\ndefault = Allow ; comment\r\nreason=  Plan check failed  \r\ndeadlineMs=1000\r\n"));
  EXPECT(allow.allow && allow.reason == u"Plan check failed" && allow.deadlineMs == 1000);

  for (const char* bad : {"deadlineMs=999", "deadlineMs=25001", "deadlineMs=abc",
                          "deadlineMs=5000ms", "deadlineMs=-1", "deadlineMs=99999999999"}) {
    const std::string text = std::string("[entitlement]\r\ndefault=maybe\r\n") + bad + "\r\n";
    wmbb::TaskConfig config = wmbb::ReadTaskConfig(WriteIni(L"wmbb-task-bad.ini", text.c_str()));
    Expect(!config.allow && config.deadlineMs == 20000 && config.reason == defaultReason, bad,
           __LINE__);
  }
  // Beside the module that contains the code: here the test executable, in the DLL the DLL.
  wchar_t self[MAX_PATH] = {};
  GetModuleFileNameW(nullptr, self, MAX_PATH);
  std::wstring expected(self);
  expected.erase(expected.find_last_of(L'\\') + 1);
  EXPECT(wmbb::ConfigPathBesideModule() == expected + L"wmbb-operator-task.ini");

  wmbb::TaskConfig top = wmbb::ReadTaskConfig(
      WriteIni(L"wmbb-task-top.ini", "[entitlement]\r\ndeadlineMs=25000\r\n"));
  EXPECT(top.deadlineMs == 25000);
}

/** ReadTaskWork over a test instance of the host's own. */
wmbb::TaskWork Read(const char* name, bool idUnreadable = false) {
  auto* instance = new task_host::TestTaskInstance(task_host::MakeDetails(name), idUnreadable);
  wmbb::TaskWork work = wmbb::ReadTaskWork(instance);
  instance->Release();
  return work;
}

void TestDetailsReader() {
  wmbb::TaskWork sms = Read("sms");
  EXPECT(sms.kind == wmbb::TaskKind::Notification);
  EXPECT(sms.blob.rfind(u"{\"v\":1,\"taskInstanceId\":\"{1B6C1D55-2F0A-4C3E-9D1A-000000007A5C}\"", 0) == 0);
  EXPECT(Contains(sms.blob, u"\"trigger\":\"networkOperatorNotification\",\"messageType\":0,"));
  EXPECT(Contains(sms.blob, u"\"encodingType\":0,\"message\":\"hellohello\",\"ruleId\":\"rule-1\""));
  EXPECT(Contains(sms.blob,
                  u"\"sms\":{\"id\":7,\"messageClass\":0,\"format\":4,\"pdu\":"
                  u"\"07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37\"}"));
  EXPECT(!Contains(sms.blob, u"issues"));

  wmbb::TaskWork roaming = Read("roaming");
  EXPECT(Contains(roaming.blob, u"\"messageType\":8,") && !Contains(roaming.blob, u"\"sms\""));
  EXPECT(Contains(roaming.blob, u"\"message\":\"\""));  // an empty HSTRING is ""

  wmbb::TaskWork check = Read("entitlement10");
  EXPECT(check.kind == wmbb::TaskKind::EntitlementNotification && check.check);
  EXPECT(Contains(check.blob, u"\"messageType\":10,"));

  wmbb::TaskWork trigger = Read("entitlementTrigger");
  EXPECT(trigger.kind == wmbb::TaskKind::EntitlementTrigger && trigger.triggerCheck);
  EXPECT(Contains(trigger.blob,
                  u"\"trigger\":\"tetheringEntitlementCheck\",\"networkAccountId\":"
                  u"\"{5A9B7D1C-0000-4000-8000-00000000ACC7}\"}"));

  wmbb::TaskWork unreadable = Read("unreadable", true);
  EXPECT(unreadable.kind == wmbb::TaskKind::Notification);
  EXPECT(!Contains(unreadable.blob, u"taskInstanceId") && !Contains(unreadable.blob, u"\"message\""));
  EXPECT(Contains(unreadable.blob,
                  u"\"issues\":[\"InstanceId: 0x80004005\",\"Message: 0x80004005\","
                  u"\"RuleId: 0x80010108\",\"SmsMessage.GetData: 0x80004005\"]"));
  EXPECT(Contains(unreadable.blob, u"\"sms\":{\"id\":7,\"messageClass\":0,\"format\":4}"));

  wmbb::TaskWork cut = Read("longMessage");
  EXPECT(Contains(cut.blob, u"\"message\":\"" + std::u16string(16384, u'x') + u"\""));
  EXPECT(!Contains(cut.blob, std::u16string(16385, u'x')));
  EXPECT(Contains(cut.blob, u"\"issues\":[\"Message: cut at 16384 characters\"]"));
}

}  // namespace

int wmain() {
  CoInitializeEx(nullptr, COINIT_MULTITHREADED);
  TestEscaping();
  TestWriter();
  TestConfig();
  TestDetailsReader();
  std::printf("operator task unit: %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
