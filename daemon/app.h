// daemon/app.h — builds the running pieces from config.yaml: the store, and
// per configured stream (source object) its Source connector and Mapper.
// The only place that knows how config sections turn into components.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "connectors/source.h"
#include "core/time.h"
#include "daemon/commands.h"
#include "daemon/config/config.h"
#include "mapping/mapper.h"
#include "store/store.h"

namespace o2c::daemon {

struct Stream {
  store::StreamKey key;
  std::shared_ptr<connectors::Source> source;
  std::shared_ptr<const mapping::Mapper> mapper;
};

config::Config load_configuration(const GlobalOptions& global);
// Opens the configured store. With `require_current_schema`, refuses a
// database whose schema is newer than this binary, or has pending migrations.
std::unique_ptr<store::Store> open_configured_store(const config::Config& cfg, bool require_current_schema = true);
// Streams of every configured source (or only `only_source`), in config order.
// Throws Error(config) when `only_source` names no configured source.
std::vector<Stream> build_streams(const config::Config& cfg, const std::string& only_source, const Clock& clock);
// The connector for one configured source (source_factory.cpp).
std::shared_ptr<connectors::Source> make_source(const config::SourceConfig& source, const Clock& clock);

}  // namespace o2c::daemon
