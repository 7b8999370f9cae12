// daemon/cmd_mapping.cpp — `o2csync mapping check`: loads config.yaml and
// every mapping file it names; all problems at once, exit 78 on any.
#include <algorithm>

#include <fmt/format.h>

#include "daemon/app.h"
#include "daemon/exit_codes.h"
#include "schema/model.h"

namespace o2c::daemon {

int cmd_mapping_check(const GlobalOptions& global) {
  const auto cfg = load_configuration(global);  // throws Error(config) listing every problem
  int files = 0;
  std::size_t width = 0;  // of "source.object", so the file names line up
  for (const auto& source : cfg.sources)
    for (const auto& object : source.objects) width = std::max(width, source.name.size() + 1 + object.name.size());
  for (const auto& source : cfg.sources)
    for (const auto& object : source.objects) {
      const auto& info = object.mapper->info();
      fmt::print("ok  {:<{}} {} → {} ({} {})\n", source.name + "." + object.name, width, info.file.string(),
                 schema::to_string(info.target), info.source_kind, info.query.object);
      ++files;
    }
  fmt::print("{} mapping file{} checked, no problems\n", files, files == 1 ? "" : "s");
  return kExitOk;
}

}  // namespace o2c::daemon
