# Every third-party library, found once. Debian bookworm packages (scripts/install-deps.sh).
# Only what the code uses today: libxlsxwriter (XLSX report) and libsystemd
# (sd_notify) come with the issues that use them. unixODBC: connectors/sql.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(Boost 1.81 REQUIRED COMPONENTS url json)
find_package(CURL REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(date CONFIG REQUIRED)   # libhowardhinnant-date-dev: IANA zones
find_package(yaml-cpp REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
find_package(simdjson REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(pugixml REQUIRED)       # SAP $metadata (EDMX), e-invoices, cXML

# libharu (libhpdf-dev) draws the invoice PDF; Debian ships no CMake config for it.
find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
find_library(HPDF_LIB hpdf REQUIRED)
add_library(o2c_hpdf INTERFACE)
target_include_directories(o2c_hpdf SYSTEM INTERFACE ${HPDF_INCLUDE_DIR})
target_link_libraries(o2c_hpdf INTERFACE ${HPDF_LIB})

# SOCI 4.0 on Debian ships no CMake package config: find headers and libs.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIB soci_core REQUIRED)
find_library(SOCI_SQLITE3_LIB soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIB soci_postgresql REQUIRED)
add_library(o2c_soci INTERFACE)
target_include_directories(o2c_soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${PostgreSQL_INCLUDE_DIRS})
target_link_libraries(o2c_soci INTERFACE ${SOCI_SQLITE3_LIB} ${SOCI_POSTGRESQL_LIB} ${SOCI_CORE_LIB}
                      SQLite::SQLite3 PostgreSQL::PostgreSQL ${CMAKE_DL_LIBS})

if(O2C_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(O2C_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
