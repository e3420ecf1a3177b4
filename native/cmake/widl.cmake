# Generates the WinRT ABI headers the mingw build needs into ${WMBB_GENERATED_DIR}:
# - windows.foundation.h, windows.foundation.collections.h, windowscontracts.h from Wine 8's own
#   IDLs, because mingw-w64 10's windows.foundation.h does not compile as C++ and lacks
#   IReference<T>; the generated folder comes first on the include path so these win;
# - windows.networking.networkoperators.h, windows.networking.connectivity.h and
#   windows.applicationmodel.background.h from the project's IDL (native/abi), named as the
#   Windows SDK names them so that the C++ includes the same headers with either compiler.
# MSVC never runs this: it uses the Windows SDK's headers of the same names.
#
# widl-stable is Wine 8's widl (Debian package wine64-tools). mingw-w64-tools' widl 7 cannot
# parse Wine 8's Foundation IDLs. The Foundation IDLs are pinned to the Wine 8 ones because
# native/abi declares IAsyncOperationWithProgress itself, which newer Foundation IDLs also do.

find_program(WMBB_WIDL NAMES widl-stable REQUIRED
  DOC "Wine 8's widl (Debian: wine64-tools)")
set(WMBB_WINE_IDL_DIR "/usr/include/wine/wine/windows" CACHE PATH "Folder holding Wine's windows.foundation.idl")
if(NOT EXISTS "${WMBB_WINE_IDL_DIR}/windows.foundation.idl")
  message(FATAL_ERROR "windows.foundation.idl not found in ${WMBB_WINE_IDL_DIR} (Debian: apt-get install wine64-tools)")
endif()

set(WMBB_GENERATED_DIR "${CMAKE_BINARY_DIR}/generated")
file(MAKE_DIRECTORY "${WMBB_GENERATED_DIR}")

set(WMBB_ABI_DIR "${CMAKE_CURRENT_SOURCE_DIR}/native/abi")
set(WMBB_GENERATED_HEADERS "")
# Extra arguments: IDL files that `idl` imports (a change to one regenerates this header too).
function(wmbb_widl idl header)
  set(out "${WMBB_GENERATED_DIR}/${header}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND "${WMBB_WIDL}" --win64 -I "${WMBB_WINE_IDL_DIR}" -I "${WMBB_ABI_DIR}" -h -o "${out}" "${idl}"
    DEPENDS "${idl}" ${ARGN}
    COMMENT "widl ${header}"
    VERBATIM)
  set(WMBB_GENERATED_HEADERS ${WMBB_GENERATED_HEADERS} "${out}" PARENT_SCOPE)
endfunction()

wmbb_widl("${WMBB_WINE_IDL_DIR}/windowscontracts.idl" windowscontracts.h)
wmbb_widl("${WMBB_WINE_IDL_DIR}/windows.foundation.collections.idl" windows.foundation.collections.h)
wmbb_widl("${WMBB_WINE_IDL_DIR}/windows.foundation.idl" windows.foundation.h)
wmbb_widl("${WMBB_ABI_DIR}/windows.networking.connectivity.idl" windows.networking.connectivity.h)
wmbb_widl("${WMBB_ABI_DIR}/windows.applicationmodel.background.idl"
  windows.applicationmodel.background.h)
wmbb_widl("${WMBB_ABI_DIR}/windows.networking.networkoperators.idl"
  windows.networking.networkoperators.h
  "${WMBB_ABI_DIR}/windows.networking.connectivity.idl")
# Windows.Devices.Radios: the Wi-Fi radio read by the hotspot diagnosis (tethering-diagnostics).
wmbb_widl("${WMBB_ABI_DIR}/windows.devices.radios.idl" windows.devices.radios.h)
add_custom_target(wmbb_abi_headers DEPENDS ${WMBB_GENERATED_HEADERS})
