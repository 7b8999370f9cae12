// tests/integration/sim_session.h — o2csync-sim running in a temp dir with
// the demo's config and mappings next to it (as `o2csync demo` writes them,
// the store a fresh migrated SQLite file), and the calls the integration
// tests make: run o2csync with that config, read the exceptions, mutate the
// simulated systems.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "daemon/sim_launcher.h"
#include "tests/integration/command_runner.h"

namespace o2c::testing {

class SimSession {
 public:
  // Starts o2csync-sim with `sim_args` (and --erp `erp`), writes config +
  // mappings for that ERP as the demo does, migrates the store.
  SimSession(const std::string& name, std::vector<std::string> sim_args, const std::string& erp = "netsuite");

  const std::string& dir() const { return dir_; }
  const std::string& config() const { return config_; }
  const std::string& sim_url() const { return sim_url_; }     // admin API base
  const std::string& ready_json() const { return sim_->ready_json(); }

  // o2csync --config <config> args..., with extra environment entries.
  CommandResult o2c(std::vector<std::string> args, const std::vector<std::string>& env = {}) const;
  // `exceptions list --format json --state all`, parsed (by value: a range-for
  // over parse(...).as_array() would outlive its temporary).
  boost::json::array exceptions() const;
  // "open", "acknowledged", "resolved" or "absent".
  std::string state_of(const std::string& kind, const std::string& order_id) const;
  // POST <sim>/sim/admin/mutate; the reply body.
  std::string mutate(const std::string& json) const;
  // GET <sim><path> (e.g. /sim/admin/portals), parsed.
  boost::json::value admin_get(const std::string& path) const;

 private:
  std::string dir_, config_, sim_url_;
  std::unique_ptr<daemon::SimProcess> sim_;
};

}  // namespace o2c::testing
