# Cross-compiles for Windows on Arm64 with Zig (clang, lld, mingw-w64 headers and import
# libraries, libc++) on Linux: `WMBB_ZIG=$(native/scripts/install-zig.sh)` first. CMake takes one
# executable per tool, hence the small wrappers in zig-aarch64/.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR ARM64)
if(NOT DEFINED ENV{WMBB_ZIG})
  message(FATAL_ERROR "WMBB_ZIG is not set: run native/scripts/install-zig.sh and export its output")
endif()
set(WMBB_ZIG_WRAPPERS "${CMAKE_CURRENT_LIST_DIR}/zig-aarch64")
set(CMAKE_C_COMPILER "${WMBB_ZIG_WRAPPERS}/cc")
set(CMAKE_CXX_COMPILER "${WMBB_ZIG_WRAPPERS}/c++")
set(CMAKE_RC_COMPILER "${WMBB_ZIG_WRAPPERS}/rc")
set(CMAKE_AR "${WMBB_ZIG_WRAPPERS}/ar")
set(CMAKE_RANLIB "${WMBB_ZIG_WRAPPERS}/ranlib")
set(CMAKE_DLLTOOL "${WMBB_ZIG_WRAPPERS}/dlltool")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
