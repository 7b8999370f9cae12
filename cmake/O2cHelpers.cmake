# o2c_module(NAME SOURCES ... DEPS ...): one static library per module folder,
# named o2c_<name>, include root = project root (so includes read "core/money.h").
function(o2c_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS" ${ARGN})
  add_library(o2c_${name} STATIC ${M_SOURCES})
  target_include_directories(o2c_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(o2c_${name} PUBLIC ${M_DEPS})
endfunction()

# o2c_test(NAME SOURCES ... DEPS ... [LABELS ...]): one GoogleTest executable
# registered with ctest (gtest_discover_tests, so each TEST is its own ctest).
include(GoogleTest OPTIONAL)
function(o2c_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    O2C_SOURCE_DIR="${PROJECT_SOURCE_DIR}" O2C_BINARY_DIR="${PROJECT_BINARY_DIR}")
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
    PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}")
endfunction()
