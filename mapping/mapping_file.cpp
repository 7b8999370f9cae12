// mapping/mapping_file.cpp — YAML mapping file → CompiledMapping. One pass
// collects every problem (unknown keys and functions with a did-you-mean,
// arity and type errors, missing required target fields, NetSuite columns
// not selected) before a single Error(config) is thrown.
#include "mapping/mapping_file.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include "core/error.h"
#include "core/text.h"

namespace o2c::mapping {
namespace {

const std::vector<std::string> kTopKeys{"source", "object", "target", "where",  "cursor", "id",    "include_deleted",
                                        "from",   "select", "fields", "service", "expand", "query"};
const std::vector<std::string> kSources{"salesforce", "netsuite", "sap", "oracle", "sql"};

// Keys only some source kinds take, with the kinds that take them.
struct KindKey {
  const char* key;
  std::vector<std::string> kinds;
  const char* what;
};
const std::vector<KindKey> kKindKeys{
    {"include_deleted", {"salesforce"}, "Salesforce reads deleted rows with queryAll; other sources map their own "
                                        "deleted/voided/cancelled column"},
    {"select", {"netsuite"}, "NetSuite SuiteQL columns"},
    {"from", {"netsuite"}, "the NetSuite SuiteQL FROM clause"},
    {"service", {"sap", "oracle"}, "the SAP OData service or Oracle REST resource path"},
    {"expand", {"sap", "oracle"}, "SAP navigation properties / Oracle child resources"},
    {"query", {"sql"}, "the SQL source's SELECT"},
};
const std::vector<std::string> kTargets{"customer", "order", "order_line", "invoice", "payment"};

class FileCompiler {
 public:
  FileCompiler(const std::string& text, std::string file) : text_(text), file_(std::move(file)) {
    out_.info.file = file_;
  }

  CompiledMapping run() {
    YAML::Node root;
    try {
      root = YAML::Load(text_);
    } catch (const YAML::ParserException& e) {
      std::string msg = e.msg;
      if (msg == "illegal map value")
        msg += " (quote an expression that contains ': ', e.g. kind: 'case(Type, {\"A\": a}, default: b)')";
      problems_.add(e.mark.line + 1, e.mark.column + 1, msg);
      problems_.raise(file_);
    }
    if (!root.IsMap()) {
      problems_.add(1, 1, "a mapping file is a YAML map (source:, object:, target:, cursor:, fields:)");
      problems_.raise(file_);
    }
    read_header(root);
    if (source_ == "netsuite") read_select(root["select"], root);
    if (target_) read_fields(root);
    finish_query();
    if (!problems_.empty()) problems_.raise(file_);
    return std::move(out_);
  }

 private:
  void add(const YAML::Mark& m, std::string message) { problems_.add(m.line + 1, m.column + 1, std::move(message)); }

  // Position of the first character of a scalar's text (skipping an opening quote).
  std::pair<int, int> text_start(const YAML::Node& node) const {
    const YAML::Mark m = node.Mark();
    int col = m.column + 1;
    if (m.pos >= 0 && static_cast<std::size_t>(m.pos) < text_.size() && (text_[m.pos] == '"' || text_[m.pos] == '\''))
      ++col;
    return {m.line + 1, col};
  }

  std::string scalar(const YAML::Node& node, std::string_view key, bool required, const YAML::Node& parent) {
    if (!node) {
      if (required) add(parent.Mark(), fmt::format("{}: missing (required)", key));
      return {};
    }
    if (!node.IsScalar()) {
      add(node.Mark(), fmt::format("{}: expected a single value", key));
      return {};
    }
    return node.Scalar();
  }

  void read_header(const YAML::Node& root) {
    for (const auto& kv : root) {
      const std::string key = kv.first.Scalar();
      if (std::find(kTopKeys.begin(), kTopKeys.end(), key) == kTopKeys.end())
        add(kv.first.Mark(), fmt::format("{}: unknown key{}", key, suggestion_suffix(key, kTopKeys)));
    }
    source_ = scalar(root["source"], "source", true, root);
    if (!source_.empty() && std::find(kSources.begin(), kSources.end(), source_) == kSources.end()) {
      add(root["source"].Mark(), fmt::format("source: unknown source kind '{}' (expected {}){}", source_,
                                             fmt::join(kSources, ", "), suggestion_suffix(source_, kSources)));
      source_.clear();
    }
    out_.info.source_kind = source_;
    const std::string target = scalar(root["target"], "target", true, root);
    if (!target.empty()) {
      target_ = schema::parse_target_kind(target);
      if (!target_)
        add(root["target"].Mark(), fmt::format("target: unknown target '{}' (expected {}){}", target,
                                               fmt::join(kTargets, ", "), suggestion_suffix(target, kTargets)));
      else
        out_.info.target = *target_;
    }
    auto& q = out_.info.query;
    q.object = scalar(root["object"], "object", true, root);
    q.cursor_field = scalar(root["cursor"], "cursor", true, root);
    q.where = scalar(root["where"], "where", false, root);
    q.id_field = scalar(root["id"], "id", false, root);
    if (q.id_field.empty() && source_ == "netsuite") q.id_field = "t.id";
    if (q.id_field.empty() && source_ == "salesforce") q.id_field = "Id";
    if (q.id_field.empty() && !source_.empty())
      add(root.Mark(), fmt::format("id: missing (the record's key field in the {} source, e.g. {})", source_,
                                   source_ == "sap" ? "BillingDocument" : source_ == "oracle" ? "CustomerTransactionId"
                                                                                              : "customer_trx_id"));
    refuse_keys_of_other_kinds(root);
    if (const YAML::Node d = root["include_deleted"]) {
      bool value = false;
      if (!d.IsScalar() || !YAML::convert<bool>::decode(d, value)) add(d.Mark(), "include_deleted: expected true or false");
      q.include_deleted = value;
    }
    if (source_ == "netsuite") {
      q.from = scalar(root["from"], "from", false, root);
      if (q.from.empty()) q.from = q.object;
    }
    if (source_ == "sap" || source_ == "oracle") {
      q.service = scalar(root["service"], "service", true, root);
      if (!q.service.empty() && q.service.front() != '/')
        add(root["service"].Mark(), fmt::format("service: '{}' must be a path starting with '/'", q.service));
      read_expand(root["expand"]);
    }
    if (source_ == "sql") read_query(root);
  }

  void refuse_keys_of_other_kinds(const YAML::Node& root) {
    if (source_.empty()) return;
    for (const auto& k : kKindKeys)
      if (root[k.key] && std::find(k.kinds.begin(), k.kinds.end(), source_) == k.kinds.end())
        add(root[k.key].Mark(), fmt::format("{}: not for {} mappings ({}: {})", k.key, source_, k.what,
                                            fmt::join(k.kinds, ", ")));
  }

  // A list, or one comma-separated text: "to_Item, to_Partner".
  void read_expand(const YAML::Node& expand) {
    if (!expand) return;
    auto& out = out_.info.query.expand;
    const auto push = [&](std::string_view item) {
      if (const auto t = trim(item); !t.empty()) out.emplace_back(t);
    };
    if (expand.IsSequence()) {
      for (const auto& item : expand)
        if (item.IsScalar()) push(item.Scalar());
        else add(item.Mark(), "expand: expected names");
    } else if (expand.IsScalar()) {
      std::string_view text = expand.Scalar();
      for (auto comma = text.find(','); ; comma = text.find(',')) {
        push(text.substr(0, comma));
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
      }
    } else {
      add(expand.Mark(), "expand: expected a list of names");
    }
  }

  void read_query(const YAML::Node& root) {
    auto& q = out_.info.query;
    q.sql = scalar(root["query"], "query", true, root);
    if (q.sql.empty()) return;
    for (const char* bind : {":cursor", ":last_id"})
      if (q.sql.find(bind) == std::string::npos)
        add(root["query"].Mark(), fmt::format("query: needs the bind parameter {} (see examples/mappings/README.md)", bind));
  }

  void read_select(const YAML::Node& select, const YAML::Node& root) {
    if (!select) {
      add(root.Mark(), "select: missing (NetSuite mappings list their SuiteQL columns as alias: expression)");
      return;
    }
    if (!select.IsMap() || select.size() == 0) {
      add(select.Mark(), "select: expected a map of alias: SuiteQL expression");
      return;
    }
    for (const auto& kv : select) {
      const std::string alias = to_lower_ascii(kv.first.Scalar());
      if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
        add(kv.second.Mark(), fmt::format("select.{}: expected a SuiteQL expression", alias));
        continue;
      }
      if (aliases_.contains(alias)) add(kv.first.Mark(), fmt::format("select.{}: duplicate alias", alias));
      aliases_[alias] = kv.second.Scalar();
      alias_names_.push_back(alias);
      out_.info.query.select.emplace_back(alias, kv.second.Scalar());
    }
  }

  int resolve(const std::string& path, int line, int column, int pos) {
    if (source_ == "netsuite") {
      if (!aliases_.contains(to_lower_ascii(path))) {
        problems_.add(line, column + pos,
                      fmt::format("unknown column '{}': not an alias in select{}", path,
                                  suggestion_suffix(path, alias_names_)));
        return -1;
      }
    } else if (std::none_of(used_paths_.begin(), used_paths_.end(),
                            [&](const std::string& p) { return to_lower_ascii(p) == to_lower_ascii(path); })) {
      used_paths_.push_back(path);
    }
    return out_.fields.add(path);
  }

  void read_fields(const YAML::Node& root) {
    const YAML::Node fields = root["fields"];
    if (!fields || !fields.IsMap()) {
      add(fields ? fields.Mark() : root.Mark(), "fields: missing (a map of target field: expression)");
      return;
    }
    const auto kind = *target_;
    std::map<std::string, FieldMapping> by_name;
    for (const auto& kv : fields) {
      const std::string name = kv.first.Scalar();
      const TargetField* tf = find_target_field(kind, name);
      if (!tf) {
        add(kv.first.Mark(), fmt::format("fields.{}: unknown field of target {}{}", name, schema::to_string(kind),
                                         suggestion_suffix(name, target_field_names(kind))));
        continue;
      }
      if (by_name.contains(name)) add(kv.first.Mark(), fmt::format("fields.{}: mapped twice", name));
      if (!kv.second.IsScalar()) {
        add(kv.second.Mark(), fmt::format("fields.{}: expected an expression", name));
        continue;
      }
      by_name[name] = compile_field(*tf, kv.second);
    }
    for (const auto& tf : target_fields(kind)) {
      if (tf.required && !by_name.contains(tf.name))
        add(fields.Mark(), fmt::format("fields: missing required field '{}' of target {}", tf.name, schema::to_string(kind)));
      if (auto it = by_name.find(tf.name); it != by_name.end()) out_.mappings.push_back(std::move(it->second));
    }
  }

  FieldMapping compile_field(const TargetField& tf, const YAML::Node& value) {
    const auto [line, column] = text_start(value);
    FieldMapping fm{&tf, value.Scalar(), {}};
    const std::size_t before = problems_.items().size();
    CompileContext ctx{line, column, &problems_, [&, line = line, column = column](const std::string& p, int pos) {
                         return resolve(p, line, column, pos);
                       }};
    fm.expr = compile_expression(fm.source_text, ctx);
    if (problems_.items().size() != before) return fm;
    if (!accepts(tf.type, fm.expr.type)) {
      problems_.add(line, column,
                    fmt::format("type mismatch: {} is {}, the expression gives {}{}", tf.name, to_string(tf.type),
                                to_string(fm.expr.type),
                                tf.type == FieldType::money ? " (use money(amount, currency))" : ""));
    }
    if (tf.type == FieldType::enumeration) {
      std::vector<std::pair<std::string, int>> results;
      collect_case_results(fm.expr, results);
      for (const auto& [v, pos] : results)
        if (std::find(tf.enum_values.begin(), tf.enum_values.end(), v) == tf.enum_values.end())
          problems_.add(line, column + pos, fmt::format("'{}' is not a {} value (expected {}){}", v, tf.name,
                                                        fmt::join(tf.enum_values, ", "),
                                                        suggestion_suffix(v, tf.enum_values)));
    }
    return fm;
  }

  void finish_query() {
    auto& q = out_.info.query;
    if (source_ != "salesforce" && source_ != "sap" && source_ != "oracle") return;
    auto push = [&q](const std::string& f) {
      if (f.empty()) return;
      for (const auto& have : q.fields)
        if (to_lower_ascii(have) == to_lower_ascii(f)) return;
      q.fields.push_back(f);
    };
    push(q.id_field);
    for (const auto& p : used_paths_) push(p);
    push(q.cursor_field);
    if (source_ == "salesforce") push("IsDeleted");
  }

  const std::string& text_;
  std::string file_;
  Problems problems_;
  CompiledMapping out_;
  std::string source_;
  std::optional<schema::TargetKind> target_;
  std::map<std::string, std::string> aliases_;
  std::vector<std::string> alias_names_;
  std::vector<std::string> used_paths_;
};

}  // namespace

CompiledMapping compile_mapping_text(const std::string& text, const std::string& file_name) {
  return FileCompiler(text, file_name).run();
}

CompiledMapping compile_mapping_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(Error::Kind::config, fmt::format("{}: cannot read mapping file", file.string()));
  std::ostringstream ss;
  ss << in.rdbuf();
  return compile_mapping_text(ss.str(), file.string());
}

}  // namespace o2c::mapping
