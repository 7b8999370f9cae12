// report_sample DIR [COUNT] [SEED]: writes report.html and exceptions.csv for
// a realistic sample week into DIR, to look at the report in a browser.
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "tests/unit/reports/sample_report.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [COUNT] [SEED]\n", argv[0]);
    return 2;
  }
  try {
    const int count = argc > 2 ? std::atoi(argv[2]) : 200;
    const auto seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 42ULL;
    const auto files =
        o2c::reports::write_report_files(o2c::reports::testing::sample_report_input(seed, count), argv[1]);
    std::printf("%s\n%s\n", files.html.c_str(), files.csv.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "report_sample: %s\n", e.what());
    return 1;
  }
  return 0;
}
