# node-gyp build of the addon (what prebuildify runs on Windows; MSVC + the Windows SDK's WinRT
# headers). The same sources as CMakeLists.txt, which also drives the mingw cross build.
# On other systems the target has no sources: nothing here is ever compiled off Windows, and
# package.json has "gypfile": false so that npm never runs node-gyp at install.
{
  "targets": [
    {
      "target_name": "windows_mobile_broadband",
      "conditions": [
        ["OS=='win'", {
          "sources": [
            "native/winrt/core/module-pin.cpp",
            "native/winrt/core/mta-thread.cpp",
            "native/winrt/core/open-uri.cpp",
            "native/winrt/core/package-identity.cpp",
            "native/winrt/core/record-queue.cpp",
            "native/winrt/core/release-later.cpp",
            "native/winrt/esim/esim-lookup.cpp",
            "native/winrt/esim/esim-manager.cpp",
            "native/winrt/esim/esim-operations.cpp",
            "native/winrt/esim/esim-records.cpp",
            "native/winrt/esim/esim-watcher.cpp",
            "native/winrt/modems/account-records.cpp",
            "native/winrt/modems/accounts.cpp",
            "native/winrt/modems/modems-watch.cpp",
            "native/winrt/operator-tasks/background-access.cpp",
            "native/winrt/operator-tasks/task-registrations.cpp",
            "native/winrt/operator/operator-dispatch.cpp",
            "native/winrt/operator/operator-events.cpp",
            "native/winrt/ussd/ussd-session.cpp",
            "native/winrt/provisioning/provisioning-apply.cpp",
            "native/winrt/tethering-diagnostics/blocking-policies.cpp",
            "native/winrt/tethering-diagnostics/diagnostics-read.cpp",
            "native/winrt/tethering-diagnostics/service-state.cpp",
            "native/winrt/tethering/tethering-manager.cpp",
            "native/winrt/tethering/tethering-operations.cpp",
            "native/winrt/tethering/tethering-reads.cpp",
            "native/addon/addon.cpp",
            "native/addon/core/core-exports.cpp",
            "native/addon/core/js-errors.cpp",
            "native/addon/core/js-operation.cpp",
            "native/addon/core/record-delivery.cpp",
            "native/addon/esim/esim-exports.cpp",
            "native/addon/esim/esim-refs.cpp",
            "native/addon/modems/modems-exports.cpp",
            "native/addon/operator-tasks/operator-tasks-exports.cpp",
            "native/addon/ussd/ussd-exports.cpp",
            "native/addon/operator/operator-exports.cpp",
            "native/addon/provisioning/provisioning-exports.cpp",
            "native/addon/tethering-diagnostics/diagnostics-exports.cpp",
            "native/addon/tethering/tethering-exports.cpp"
          ],
          "dependencies": [
            "<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"
          ],
          "defines": [
            "NAPI_VERSION=8",
            "NODE_ADDON_API_DISABLE_DEPRECATED",
            "_WIN32_WINNT=0x0A00",
            "WINVER=0x0A00",
            "UNICODE",
            "_UNICODE",
            "NOMINMAX"
          ],
          "libraries": ["runtimeobject.lib", "ole32.lib", "oleaut32.lib", "shell32.lib", "advapi32.lib"],
          "msvs_settings": {
            "VCCLCompilerTool": {
              "AdditionalOptions": ["/std:c++17", "/utf-8", "/permissive-"],
              "ExceptionHandling": 1,
              "WarningLevel": 4
            }
          }
        }]
      ]
    }
  ]
}
