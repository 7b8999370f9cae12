#include "tests/integration/sim_session.h"

#include <stdexcept>

#include <curl/curl.h>

#include "daemon/demo_setup.h"

namespace o2c::testing {

namespace {

// POST when `body` is given, else GET.
std::string http(const std::string& url, const std::string* body) {
  CURL* curl = curl_easy_init();
  std::string reply;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  if (body) curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, +[](char* p, size_t s, size_t n, void* out) {
    static_cast<std::string*>(out)->append(p, s * n);
    return s * n;
  });
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
  const CURLcode rc = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) throw std::runtime_error((body ? "POST " : "GET ") + url + ": " + curl_easy_strerror(rc));
  return reply;
}

}  // namespace

SimSession::SimSession(const std::string& name, std::vector<std::string> sim_args, const std::string& erp)
    : dir_(make_temp_dir(name)) {
  sim_args.insert(sim_args.end(), {"--erp", erp, "--routing-file", dir_ + "/routing.csv"});
  sim_ = std::make_unique<daemon::SimProcess>(sim_binary(), sim_args, dir_);
  sim_url_ = boost::json::parse(sim_->ready_json()).as_object().at("url").as_string().c_str();
  daemon::write_demo_mappings(dir_ + "/mappings");
  config_ = daemon::write_demo_config(dir_, daemon::parse_ready_file(sim_->ready_json()), "sqlite://" + dir_ + "/o2c.db",
                                     erp)
                .string();
  const CommandResult migrated = o2c({"db", "migrate"});
  if (migrated.exit_code != 0) throw std::runtime_error("db migrate failed: " + migrated.err);
}

CommandResult SimSession::o2c(std::vector<std::string> args, const std::vector<std::string>& env) const {
  args.insert(args.begin(), {o2csync_binary(), "--config", config_});
  return run_command(args, env);
}

boost::json::array SimSession::exceptions() const {
  return boost::json::parse(o2c({"exceptions", "list", "--format", "json", "--state", "all"}).out).as_array();
}

std::string SimSession::state_of(const std::string& kind, const std::string& order_id) const {
  for (const auto& e : exceptions()) {
    const auto& o = e.as_object();
    if (o.at("kind").as_string() == kind && o.at("order_id").as_string() == order_id)
      return std::string(o.at("state").as_string());
  }
  return "absent";
}

std::string SimSession::mutate(const std::string& json) const { return http(sim_url_ + "/sim/admin/mutate", &json); }

boost::json::value SimSession::admin_get(const std::string& path) const {
  return boost::json::parse(http(sim_url_ + path, nullptr));
}

}  // namespace o2c::testing
