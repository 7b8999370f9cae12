// daemon/config/config_load.cpp — config.yaml → Config through the declared
// tables, then validate(); every problem of both passes is thrown at once.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/log.h"
#include "daemon/config/config_tables.h"

namespace o2c::config {
namespace {

const std::vector<std::string> kTopSections{"sources", "reconcile", "report", "seller", "portals", "push", "log"};

YAML::Node child(const YAML::Node& node, const char* key) {
  return node && node.IsMap() ? node[key] : YAML::Node(YAML::NodeType::Undefined);
}

void read_objects(const YAML::Node& node, const std::string& prefix, const std::filesystem::path& base,
                  SourceConfig& source, const Reader& r) {
  if (!node) return;
  source.where["objects"] = Reader::position(node);
  if (!node.IsMap()) return r.error(node, prefix + "objects: expected a map of name: {mapping: FILE, every: 15m}");
  for (const auto& kv : node) {
    ObjectConfig o;
    o.name = kv.first.Scalar();
    read_section(kv.second, kv.first, fmt::format("{}objects.{}.", prefix, o.name), object_settings(), o, r);
    if (!o.mapping.empty() && o.mapping.is_relative()) o.mapping = (base / o.mapping).lexically_normal();
    source.objects.push_back(std::move(o));
  }
}

void read_sources(const YAML::Node& root, const std::filesystem::path& base, Config& cfg, const Reader& r) {
  const YAML::Node sources = child(root, "sources");
  if (!sources) return;  // validate() reports "no source"
  if (!sources.IsMap()) return r.error(sources, "sources: expected a map of source name: settings");
  cfg.where["sources"] = Reader::position(sources);
  for (const auto& kv : sources) {
    SourceConfig s;
    s.name = kv.first.Scalar();
    const std::string prefix = fmt::format("sources.{}.", s.name);
    read_section(kv.second, kv.first, prefix, source_settings(), s, r, {"auth", "objects"});
    const YAML::Node auth = child(kv.second, "auth");
    if (auth) s.where["auth"] = Reader::position(auth);
    read_section(auth, kv.second, prefix + "auth.", auth_settings(), s.auth, r);
    if (!auth) s.auth.where.clear();  // "auth" absent: no section position to point at
    read_objects(child(kv.second, "objects"), prefix, base, s, r);
    cfg.sources.push_back(std::move(s));
  }
}

void read_portals(const YAML::Node& root, Config& cfg, const Reader& r) {
  const YAML::Node portals = child(root, "portals");
  if (!portals) return;
  cfg.where["portals"] = Reader::position(portals);
  if (!portals.IsMap()) return r.error(portals, "portals: expected a map of portal name: settings");
  for (const auto& kv : portals) {
    PortalConfig p;
    p.name = kv.first.Scalar();
    read_section(kv.second, kv.first, fmt::format("portals.{}.", p.name), portal_settings(), p, r);
    cfg.portals.push_back(std::move(p));
  }
}

ErrorContext in_file(const std::string& file) {
  ErrorContext ctx;
  ctx.file = file;
  return ctx;
}

}  // namespace

std::string ConfigIssue::text() const {
  if (file.empty()) return message;  // already located (a mapping file's own lines)
  if (pos.line <= 0) return fmt::format("{}: {}", file, message);
  return fmt::format("{}:{}:{}: {}", file, pos.line, pos.column, message);
}

const PortalConfig* Config::find_portal(std::string_view name) const {
  for (const auto& p : portals)
    if (p.name == name) return &p;
  return nullptr;
}

const SourceConfig* Config::find_source(std::string_view name) const {
  for (const auto& s : sources)
    if (s.name == name) return &s;
  return nullptr;
}

Config parse_config(const std::filesystem::path& file, std::vector<ConfigIssue>& issues) {
  Config cfg;
  cfg.file = file;
  const Reader r{file.string(), &issues};
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    issues.push_back(ConfigIssue{file.string(), {}, "cannot read the configuration file"});
    return cfg;
  }
  std::ostringstream text;
  text << in.rdbuf();
  YAML::Node root;
  try {
    root = YAML::Load(text.str());
  } catch (const YAML::ParserException& e) {
    issues.push_back(ConfigIssue{file.string(), {e.mark.line + 1, e.mark.column + 1}, e.msg});
    return cfg;
  }
  if (root && !root.IsMap() && !root.IsNull()) {
    r.error(root, "a configuration file is a YAML map (store:, sources:, reconcile:, report:, log:)");
    return cfg;
  }
  const std::filesystem::path base = std::filesystem::absolute(file).parent_path();
  read_section(root, root, "", top_level_settings(), cfg, r, kTopSections);
  read_sources(root, base, cfg, r);
  read_section(child(root, "reconcile"), root, "reconcile.", reconcile_settings(), cfg.reconcile, r);
  read_section(child(root, "report"), root, "report.", report_settings(), cfg.report, r);
  read_section(child(root, "seller"), root, "seller.", seller_settings(), cfg.seller, r);
  read_portals(root, cfg, r);
  read_section(child(root, "push"), root, "push.", push_settings(), cfg.push, r);
  read_section(child(root, "log"), root, "log.", log_settings(), cfg.log, r);
  for (std::filesystem::path* p : {&cfg.report.out_dir, &cfg.push.routing, &cfg.push.copy_dir})
    if (!p->empty() && p->is_relative()) *p = (base / *p).lexically_normal();
  return cfg;
}

Config load_config(const std::filesystem::path& file) {
  std::vector<ConfigIssue> issues;
  Config cfg = parse_config(file, issues);
  if (!issues.empty() && issues.front().pos.line == 0 && issues.front().message.starts_with("cannot read"))
    throw Error(Error::Kind::config, issues.front().text(), in_file(file.string()));
  for (auto& i : validate(cfg)) issues.push_back(std::move(i));
  std::vector<ConfigIssue> errors;
  for (auto& i : issues) {
    if (i.warning)
      logger("config")->warn("{}", i.text());
    else
      errors.push_back(std::move(i));
  }
  if (errors.empty()) return cfg;
  const std::string own = file.string();
  std::stable_sort(errors.begin(), errors.end(), [&](const ConfigIssue& a, const ConfigIssue& b) {
    if ((a.file == own) != (b.file == own)) return a.file == own;
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
  });
  std::string message;
  for (const auto& e : errors) message += (message.empty() ? "" : "\n") + e.text();
  throw Error(Error::Kind::config, message, in_file(own));
}

}  // namespace o2c::config
