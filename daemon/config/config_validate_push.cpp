// daemon/config/config_validate_push.cpp — the rules of seller:, portals: and
// push: that involve several settings, and the routing table (CSV) they name:
// every problem at once, the routing file's as routing.csv:LINE: message.
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "core/csv.h"
#include "core/error.h"
#include "core/time.h"
#include "daemon/config/config_tables.h"

namespace o2c::config {
namespace {

const std::vector<std::string> kRouteColumns{"customer_id", "customer",     "portal",      "buyer_id",
                                             "buyer_scheme", "service_code", "supplier_ref", "po_required",
                                             "attachment_required"};

class PushValidator {
 public:
  PushValidator(Config& cfg, std::vector<ConfigIssue>& issues) : cfg_(cfg), file_(cfg.file.string()), issues_(issues) {}

  void run() {
    for (const auto& p : cfg_.portals) check_portal(p);
    if (!cfg_.portals.empty()) check_seller();
    check_push();
  }

 private:
  static Position at(const Positions& where, const std::string& key) {
    if (auto it = where.find(key); it != where.end()) return it->second;
    if (auto it = where.find(""); it != where.end()) return it->second;
    return {};
  }
  void error(const Positions& where, const std::string& key, std::string message) {
    issues_.push_back(ConfigIssue{file_, at(where, key), std::move(message)});
  }
  void require(const PortalConfig& p, const std::string& key, const std::string& why) {
    if (!p.where.contains(key)) error(p.where, "", fmt::format("portals.{}.{}: missing ({})", p.name, key, why));
  }

  void check_portal(const PortalConfig& p) {
    if (p.kind.empty()) return;  // reported while parsing
    for (const auto& [key, kinds] : kPortalSettingKinds)
      if (p.where.contains(key) && std::find(kinds.begin(), kinds.end(), p.kind) == kinds.end())
        error(p.where, key, fmt::format("portals.{}.{}: not for {} portals (only {})", p.name, key, p.kind,
                                        fmt::format("{}", fmt::join(kinds, ", "))));
    require(p, "url", "where documents are sent");
    if (p.kind == "file" && p.where.contains("url") && !p.url.starts_with("file://") && !p.url.starts_with("sftp://"))
      error(p.where, "url", fmt::format("portals.{}.url: a file drop is file:///folder or sftp://host/folder", p.name));
    if (p.kind != "file" && p.where.contains("url") && !p.url.starts_with("http://") && !p.url.starts_with("https://"))
      error(p.where, "url", fmt::format("portals.{}.url: expected an http(s) URL", p.name));
    if (p.kind == "coupa" || p.kind == "peppol") check_grant(p);
    if (p.kind == "chorus") {
      for (const char* k : {"token_url", "client_id", "client_secret"})
        require(p, k, "Chorus Pro signs in through PISTE with OAuth 2.0 client credentials");
      require(p, "user", "the Chorus Pro technical account login, TECH_1_...@cpro.fr");
      require(p, "password", "the technical account's password, e.g. env:CHORUS_PASSWORD");
      require(p, "supplier_id", "your SIRET as Chorus Pro knows it");
    }
    if (p.kind == "ariba") {
      require(p, "shared_secret", "the cXML SharedSecret set in your Ariba Network account");
      require(p, "supplier_id", "your Ariba Network ID, AN...");
    }
    if (p.kind == "peppol") {
      require(p, "supplier_id", "your Peppol participant value, e.g. 55210055400013");
      require(p, "supplier_scheme", "the EAS code of supplier_id, e.g. 0009");
    }
    if (p.kind == "ariba" && p.where.contains("format") && p.format != "cxml")
      error(p.where, "format", fmt::format("portals.{}.format: Ariba takes cxml only", p.name));
    if (p.kind == "chorus" && p.format == "cxml")
      error(p.where, "format", fmt::format("portals.{}.format: Chorus Pro takes ubl or cii", p.name));
  }

  void check_grant(const PortalConfig& p) {
    require(p, "grant", "client_credentials or api_key");
    if (p.grant == "api_key") require(p, "api_key", "grant api_key needs the key, e.g. env:COUPA_API_KEY");
    if (p.grant == "client_credentials")
      for (const char* k : {"token_url", "client_id", "client_secret"})
        require(p, k, "client_credentials needs the token endpoint, client id and secret");
  }

  void check_seller() {
    const SellerConfig& s = cfg_.seller;
    const Positions& w = s.where.contains("") ? s.where : cfg_.where;
    for (const auto& [key, value, why] :
         std::initializer_list<std::tuple<const char*, const std::string*, const char*>>{
             {"name", &s.name, "the registered name on every invoice"},
             {"vat_id", &s.vat_id, "your VAT identifier, e.g. FR96552100554"},
             {"country", &s.country, "ISO country code, e.g. FR"},
             {"iban", &s.iban, "where customers pay: e-invoices carry credit transfer instructions"}})
      if (value->empty()) error(w, "", fmt::format("seller.{}: missing ({})", key, why));
    if (!s.country.empty() && (s.country.size() != 2 || !std::isupper(static_cast<unsigned char>(s.country[0])) ||
                               !std::isupper(static_cast<unsigned char>(s.country[1]))))
      error(s.where, "country", fmt::format("seller.country: '{}' is not an ISO 3166-1 alpha-2 code (FR, DE, ...)",
                                            s.country));
    const bool peppol = std::any_of(cfg_.portals.begin(), cfg_.portals.end(), [](const auto& p) { return p.kind == "peppol"; });
    if (peppol && s.endpoint.find(':') == std::string::npos)
      error(w, "endpoint", "seller.endpoint: missing or not scheme:value (Peppol needs your electronic address, e.g. "
                           "0009:55210055400013)");
  }

  void check_push() {
    const PushConfig& p = cfg_.push;
    const Positions& w = p.where.contains("") ? p.where : cfg_.where;
    if (!p.since.empty() && !try_parse_date(p.since))
      error(p.where, "since", fmt::format("push.since: '{}' is not a date YYYY-MM-DD", p.since));
    if (cfg_.portals.empty()) {
      if (!p.routing.empty()) error(p.where, "routing", "push.routing: no portal is configured under portals:");
      return;
    }
    if (p.routing.empty()) return error(w, "", "push.routing: missing (the CSV table of which customer goes to which portal)");
    read_routes();
  }

  void read_routes() {
    const std::string file = cfg_.push.routing.string();
    std::ifstream in(cfg_.push.routing, std::ios::binary);
    if (!in) return error(cfg_.push.where, "routing", fmt::format("push.routing: cannot read {}", file));
    std::ostringstream text;
    text << in.rdbuf();
    std::vector<CsvRow> rows;
    try {
      rows = parse_csv(text.str());
    } catch (const Error& e) {
      return issues_.push_back(ConfigIssue{file, {}, e.what()});
    }
    if (rows.empty()) return issues_.push_back(ConfigIssue{file, {}, "empty: expected a header line customer_id,portal,..."});
    std::vector<int> column;  // index into kRouteColumns, per CSV column
    for (const std::string& name : rows[0].fields) {
      const auto it = std::find(kRouteColumns.begin(), kRouteColumns.end(), name);
      if (it == kRouteColumns.end())
        issues_.push_back(ConfigIssue{file, {1, 0}, fmt::format("unknown column '{}'{}", name, suggestion_suffix(name, kRouteColumns))});
      column.push_back(it == kRouteColumns.end() ? -1 : static_cast<int>(it - kRouteColumns.begin()));
    }
    for (const char* needed : {"customer_id", "portal"})
      if (std::find(rows[0].fields.begin(), rows[0].fields.end(), needed) == rows[0].fields.end())
        issues_.push_back(ConfigIssue{file, {1, 0}, fmt::format("the header has no column {}", needed)});
    std::set<std::string> seen;
    for (std::size_t i = 1; i < rows.size(); ++i) read_route(file, rows[i], column, seen);
  }

  void read_route(const std::string& file, const CsvRow& row, const std::vector<int>& column, std::set<std::string>& seen) {
    const auto problem = [&](std::string message) { issues_.push_back(ConfigIssue{file, {row.line, 0}, std::move(message)}); };
    if (row.fields.size() != column.size())
      return problem(fmt::format("{} fields where the header has {}", row.fields.size(), column.size()));
    RouteConfig r;
    r.line = row.line;
    for (std::size_t c = 0; c < column.size(); ++c) {
      const std::string v(trim(row.fields[c]));
      switch (column[c]) {
        case 0: r.customer_id = v; break;
        case 1: r.customer = v; break;
        case 2: r.portal = v; break;
        case 3: r.buyer_id = v; break;
        case 4: r.buyer_scheme = v; break;
        case 5: r.service_code = v; break;
        case 6: r.supplier_ref = v; break;
        case 7:
        case 8: {
          const std::string t = to_lower_ascii(v);
          if (t != "" && t != "yes" && t != "no" && t != "true" && t != "false" && t != "1" && t != "0")
            problem(fmt::format("{}: '{}' is not yes or no", kRouteColumns[static_cast<std::size_t>(column[c])], v));
          (column[c] == 7 ? r.po_required : r.attachment_required) = t == "yes" || t == "true" || t == "1";
          break;
        }
        default: break;
      }
    }
    if (r.customer_id.empty()) return problem("customer_id is empty");
    if (!seen.insert(r.customer_id).second)
      return problem(fmt::format("customer {} is routed twice (one portal per customer)", r.customer_id));
    std::vector<std::string> names;
    for (const auto& p : cfg_.portals) names.push_back(p.name);
    const PortalConfig* portal = cfg_.find_portal(r.portal);
    if (!portal)
      return problem(fmt::format("customer {}: unknown portal '{}'{}", r.customer_id, r.portal,
                                 suggestion_suffix(r.portal, names)));
    if (portal->kind == "peppol" && (r.buyer_id.empty() || r.buyer_scheme.empty()))
      return problem(fmt::format("customer {}: a Peppol buyer needs buyer_id and buyer_scheme (its participant id)",
                                 r.customer_id));
    if ((portal->kind == "ariba" || portal->kind == "chorus" || portal->kind == "coupa") && r.buyer_id.empty())
      return problem(fmt::format("customer {}: buyer_id is empty ({} needs the buyer's id)", r.customer_id, portal->kind));
    if (portal->kind == "coupa" && r.supplier_ref.empty())
      return problem(fmt::format("customer {}: supplier_ref is empty (your supplier number at this Coupa buyer)",
                                 r.customer_id));
    cfg_.push.routes.push_back(std::move(r));
  }

  Config& cfg_;
  std::string file_;
  std::vector<ConfigIssue>& issues_;
};

}  // namespace

void validate_push(Config& config, std::vector<ConfigIssue>& issues) { PushValidator(config, issues).run(); }

}  // namespace o2c::config
