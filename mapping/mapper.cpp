// mapping/mapper.cpp — the compiled mapper: per record, one forward pass over
// the JSON (record_fields), then one evaluation per target field, coerced to
// the field's type. A record that fails anywhere becomes an InvalidRecord
// naming source, object, id, field and reason; map_all never throws for data.
#include <fmt/format.h>

#include "core/error.h"
#include "core/log.h"
#include "core/text.h"
#include "mapping/mapping_file.h"

namespace o2c::mapping {
namespace {

constexpr std::size_t kExcerptBytes = 200;

std::string excerpt_of(std::string_view body) {
  std::string out(body.substr(0, kExcerptBytes));
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();  // continuation
  if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();              // dangling lead
  if (!is_valid_utf8(out))
    for (char& c : out)
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
  return out;
}

// The JSON key whose value holds byte `pos` (heuristic: the last `"key":` before it).
std::string key_before(std::string_view body, std::size_t pos) {
  const std::size_t colon = body.rfind("\":", pos);
  if (colon == std::string_view::npos || colon == 0) return {};
  const std::size_t open = body.rfind('"', colon - 1);
  if (open == std::string_view::npos) return {};
  return std::string(body.substr(open + 1, colon - open - 1));
}

class CompiledMapper final : public Mapper {
 public:
  explicit CompiledMapper(CompiledMapping m) : m_(std::move(m)) {}
  const MappingInfo& info() const override { return m_.info; }

  MapResult map_all(std::span<const connectors::RawRecord> records, const std::string& source_name) const override {
    MapResult out;
    out.records.reserve(records.size());
    RecordFields::Scratch scratch;
    for (const auto& raw : records) {
      try {
        map_one(raw, source_name, scratch, out);
      } catch (const std::exception& e) {  // a bug, not bad data: still never stop the page
        logger("mapping")->error("mapping failed unexpectedly source={} object={} ext_id={} error={}", source_name,
                                 m_.info.query.object, raw.id, e.what());
        out.invalid.push_back(invalid(raw, source_name, "", "", fmt::format("internal mapping error: {}", e.what())));
      }
    }
    return out;
  }

 private:
  schema::InvalidRecord invalid(const connectors::RawRecord& raw, const std::string& source, std::string id,
                                std::string field, std::string reason) const {
    return schema::InvalidRecord{source, m_.info.query.object, id.empty() ? raw.id : std::move(id), std::move(field),
                                 std::move(reason), excerpt_of(raw.body)};
  }

  // Names the field holding the bad bytes and still reads the id from a copy
  // whose invalid bytes are replaced by '?'.
  schema::InvalidRecord invalid_utf8(const connectors::RawRecord& raw, const std::string& source,
                                     RecordFields::Scratch& scratch) const {
    std::string clean = raw.body;
    const std::size_t first = first_invalid_utf8(clean);
    const std::string key = key_before(clean, first);
    replace_invalid_utf8(clean.data(), clean.size());
    std::string id;
    try {
      m_.fields.extract(clean, scratch);
      if (!m_.mappings.empty() && m_.mappings.front().target->name == "external_id")
        id = evaluate(m_.mappings.front().expr, scratch.slots).text;
    } catch (const std::exception&) {
      // the id stays unknown; the record is reported anyway
    }
    schema::InvalidRecord r = invalid(raw, source, id, key, key.empty() ? "record is not valid UTF-8"
                                                                         : fmt::format("{} is not valid UTF-8", key));
    r.excerpt = excerpt_of(clean);
    return r;
  }

  void map_one(const connectors::RawRecord& raw, const std::string& source, RecordFields::Scratch& scratch,
               MapResult& out) const {
    if (!raw.defect.empty()) return out.invalid.push_back(invalid(raw, source, "", "", raw.defect));
    if (!is_valid_utf8(raw.body)) return out.invalid.push_back(invalid_utf8(raw, source, scratch));
    try {
      m_.fields.extract(raw.body, scratch);
    } catch (const simdjson::simdjson_error& e) {
      return out.invalid.push_back(invalid(raw, source, "", "", fmt::format("malformed JSON record: {}", e.what())));
    }
    schema::CanonicalRecord record = make_record(m_.info.target);
    // The connector's modstamp is already UTC (it converts a NetSuite
    // account's local time); a `modified:` mapping may override it.
    std::visit([&](auto& r) { r.meta.modified = raw.modified; }, record);
    for (const FieldMapping& fm : m_.mappings) {
      std::string reason;
      try {
        Value v = evaluate(fm.expr, scratch.slots);
        if (v.is_null()) {
          if (!fm.target->required) continue;
          reason = fmt::format("required field is missing: {} is null or absent", fm.source_text);
        } else {
          fm.target->assign(record, coerce(*fm.target, std::move(v)));
          continue;
        }
      } catch (const EvalError& e) {
        reason = e.what();
      } catch (const Error& e) {
        reason = e.what();
      }
      const std::string& id = schema::meta_of(record).external_id;
      return out.invalid.push_back(invalid(raw, source, id, fm.target->name, std::move(reason)));
    }
    if (auto [field, reason] = amounts_disagree(record); !reason.empty())
      return out.invalid.push_back(invalid(raw, source, schema::meta_of(record).external_id, field, reason));
    std::visit(
        [&](auto& r) {
          r.meta.source = source;
          r.meta.object = m_.info.query.object;
        },
        record);
    out.records.push_back(std::move(record));
  }

  // Amounts of one record that must share a currency: the VAT of an invoice
  // or a line, and the open amount of an invoice, are in the document's.
  static std::pair<std::string, std::string> amounts_disagree(const schema::CanonicalRecord& record) {
    const auto check = [](const char* field, const Money& amount, const std::optional<Money>& other)
        -> std::pair<std::string, std::string> {
      if (!other || other->currency() == amount.currency()) return {};
      return {field, fmt::format("{} is in {}, the amount in {}", field, other->currency().code(),
                                 amount.currency().code())};
    };
    if (const auto* i = std::get_if<schema::Invoice>(&record)) {
      if (auto r = check("tax_amount", i->amount, i->tax_amount); !r.second.empty()) return r;
      return check("open_amount", i->amount, i->open_amount);
    }
    if (const auto* l = std::get_if<schema::InvoiceLine>(&record)) return check("tax_amount", l->amount, l->tax_amount);
    return {};
  }

  CompiledMapping m_;
};

}  // namespace

std::unique_ptr<Mapper> load_mapping(const std::filesystem::path& file) {
  return std::make_unique<CompiledMapper>(compile_mapping_file(file));
}

}  // namespace o2c::mapping
