#include "daemon/app.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace o2c::daemon {

config::Config load_configuration(const GlobalOptions& global) { return config::load_config(global.config_path); }

std::unique_ptr<store::Store> open_configured_store(const config::Config& cfg, bool require_current_schema) {
  auto store = store::open_store(cfg.store);
  if (require_current_schema) store->check_schema();
  return store;
}

std::vector<Stream> build_streams(const config::Config& cfg, const std::string& only_source, const Clock& clock) {
  std::vector<Stream> streams;
  std::vector<std::string> names;
  for (const auto& source : cfg.sources) {
    names.push_back(source.name);
    if (!only_source.empty() && source.name != only_source) continue;
    auto connector = make_source(source, clock);
    for (const auto& object : source.objects)
      streams.push_back(Stream{{source.name, object.name}, connector, object.mapper});
  }
  if (!only_source.empty() && streams.empty())
    throw Error(Error::Kind::config, fmt::format("--source {}: no such source in {}{}", only_source,
                                                 cfg.file.string(), suggestion_suffix(only_source, names)));
  return streams;
}

}  // namespace o2c::daemon
