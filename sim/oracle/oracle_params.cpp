#include "sim/oracle/oracle_params.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"

namespace o2c::sim::oracle {

namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(trim(text.substr(start, end - start)));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::optional<std::size_t> parse_count(std::string_view s) {
  if (s.empty() || s.size() > 12 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return static_cast<std::size_t>(std::stoull(std::string(s)));
}

bool parse_flag(std::string_view name, std::string_view value) {
  if (value == "true") return true;
  if (value == "false") return false;
  throw ParamError(fmt::format("The value '{}' of the query parameter {} is not valid; use true or false.", value, name));
}

const Attribute& attribute_of(const std::vector<Attribute>& attributes, std::string_view name,
                              std::string_view resource, std::string_view parameter) {
  for (const auto& a : attributes)
    if (a.name == name) return a;
  std::vector<std::string> names;
  for (const auto& a : attributes) names.push_back(a.name);
  throw ParamError(fmt::format("The query parameter {} names the attribute '{}', which is not an attribute of {}{}",
                               parameter, name, resource, suggestion_suffix(name, names)));
}

const BoundChild& child_of(const Resource& resource, std::string_view name, std::string_view parameter) {
  if (const BoundChild* c = resource.child(name)) return *c;
  std::vector<std::string> names;
  for (const auto& c : resource.children) names.push_back(c.spec->name);
  throw ParamError(fmt::format("The query parameter {} names '{}', which is not a child resource of {}{}", parameter,
                               name, resource.spec->name, suggestion_suffix(name, names)));
}

ChildFields& child_entry(CollectionParams& p, const BoundChild& child) {
  for (auto& c : p.children)
    if (c.child == &child) return c;
  p.children.push_back({&child, {}});
  return p.children.back();
}

// fields=A,B;child:C,D — resource attributes, then child projections (which expand the child).
void read_fields(std::string_view value, const Resource& r, CollectionParams& p) {
  const auto groups = split(value, ';');
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::string_view group = groups[g];
    if (g == 0) {
      for (const auto name : split(group, ','))
        if (!name.empty()) p.attributes.push_back(&attribute_of(r.attributes, name, r.spec->name, "fields"));
      continue;
    }
    const auto colon = group.find(':');
    const BoundChild& child = child_of(r, trim(group.substr(0, colon)), "fields");
    ChildFields& entry = child_entry(p, child);
    if (colon == std::string_view::npos) continue;
    for (const auto name : split(group.substr(colon + 1), ','))
      if (!name.empty()) entry.attributes.push_back(&attribute_of(child.attributes, name, child.spec->name, "fields"));
  }
  std::sort(p.attributes.begin(), p.attributes.end(), [](const Attribute* a, const Attribute* b) {
    return a->column < b->column;
  });
  p.attributes.erase(std::unique(p.attributes.begin(), p.attributes.end()), p.attributes.end());
}

void read_expand(std::string_view value, const Resource& r, CollectionParams& p) {
  if (value == "all") {
    for (const auto& c : r.children) child_entry(p, c);
    return;
  }
  for (const auto name : split(value, ','))
    if (!name.empty()) child_entry(p, child_of(r, name, "expand"));
}

void read_order(std::string_view value, const Resource& r, CollectionParams& p) {
  p.order_text = std::string(value);
  for (const auto item : split(value, ',')) {
    const auto colon = item.find(':');
    const std::string_view name = trim(item.substr(0, colon));
    const std::string direction =
        colon == std::string_view::npos ? "asc" : to_lower_ascii(trim(item.substr(colon + 1)));
    if (direction != "asc" && direction != "desc")
      throw ParamError(fmt::format("The query parameter orderBy has the direction '{}' for {}; use asc or desc.",
                                   direction, name));
    p.order.push_back({attribute_of(r.attributes, name, r.spec->name, "orderBy").column, direction == "desc"});
  }
}

}  // namespace

CollectionParams read_params(const std::vector<std::pair<std::string, std::string>>& params, const Resource& resource,
                             std::size_t default_limit, std::size_t max_limit) {
  CollectionParams p;
  p.limit = default_limit;
  std::optional<std::string_view> fields, expand;
  for (const auto& [name, value] : params) {
    if (name == "limit") {
      const auto n = parse_count(value);
      if (!n || *n == 0)
        throw ParamError(fmt::format("The value '{}' of the query parameter limit is not valid; it must be a positive "
                                     "integer.", value));
      p.limit = std::min(*n, max_limit);
    } else if (name == "offset") {
      const auto n = parse_count(value);
      if (!n)
        throw ParamError(fmt::format("The value '{}' of the query parameter offset is not valid; it must be a "
                                     "non-negative integer.", value));
      p.offset = *n;
    } else if (name == "totalResults") {
      p.total_results = parse_flag(name, value);
    } else if (name == "onlyData") {
      p.only_data = parse_flag(name, value);
    } else if (name == "fields") {
      fields = value;
    } else if (name == "expand") {
      expand = value;
    } else if (name == "orderBy") {
      read_order(value, resource, p);
    } else if (name == "q") {
      p.q = value;
    } else if (name == "finder") {
      const std::string finder(trim(std::string_view(value).substr(0, value.find(';'))));
      throw ParamError(fmt::format("The finder '{}' is not defined for the resource {}.", finder, resource.spec->name));
    }
  }
  if (fields) read_fields(*fields, resource, p);
  if (expand) read_expand(*expand, resource, p);
  if (p.attributes.empty())
    for (const auto& a : resource.attributes) p.attributes.push_back(&a);
  for (auto& c : p.children)
    if (c.attributes.empty())
      for (const auto& a : c.child->attributes) c.attributes.push_back(&a);
  return p;
}

}  // namespace o2c::sim::oracle
