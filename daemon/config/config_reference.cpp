// daemon/config/config_reference.cpp — renders the README's configuration
// reference from the settings tables, so the documentation lists exactly
// what the parser accepts, with the same defaults.
#include <fmt/format.h>

#include "daemon/config/config_tables.h"

namespace o2c::config {
namespace {

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

template <class T>
void section(std::string& out, std::string_view title, std::string_view prefix, std::string_view intro,
             const SettingsTable<T>& table) {
  out += fmt::format("\n### {}\n\n", title);
  if (!intro.empty()) out += fmt::format("{}\n\n", intro);
  out += "| setting | type | default | description |\n|---|---|---|---|\n";
  for (const auto& s : table) {
    const std::string def = s.info.required ? "**required**"
                            : s.info.default_text.empty() ? "—"
                                                          : fmt::format("`{}`", s.info.default_text);
    out += fmt::format("| `{}{}` | {} | {} | {} |\n", prefix, s.info.name, escape(describe_type(s.info)), def,
                       escape(s.info.help));
  }
}

}  // namespace

std::string config_reference_markdown() {
  std::string out =
      "## Configuration reference\n\n"
      "`/etc/o2csync/config.yaml` (see `examples/config.yaml`). Unknown settings are errors (with a suggestion), "
      "an invalid value never falls back to its default, and every problem is reported at once as "
      "`file:line:col: message`. Secrets are references: `env:NAME`, `file:/path` or `credential:NAME` "
      "(systemd `LoadCredential=`); a literal secret is refused.\n";
  section(out, "Top level", "", "", top_level_settings());
  section(out, "`sources.<name>`", "sources.<name>.", "One entry per remote system; `<name>` is yours (e.g. `crm`, `erp`).",
          source_settings());
  section(out, "`sources.<name>.auth`", "sources.<name>.auth.",
          "Salesforce: `grant` + `client_id` and `client_secret` (client_credentials) or `user` and `private_key` "
          "(jwt_bearer). NetSuite: the four token-based-authentication secrets.",
          auth_settings());
  section(out, "`sources.<name>.objects.<name>`", "sources.<name>.objects.<name>.",
          "One entry per synced object, each with its mapping file (`o2csync mapping check` loads them all).",
          object_settings());
  section(out, "`reconcile`", "reconcile.", "", reconcile_settings());
  section(out, "`report`", "report.", "", report_settings());
  section(out, "`log`", "log.", "", log_settings());
  return out;
}

}  // namespace o2c::config
