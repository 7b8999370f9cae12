// sim/oracle/oracle_params.h — the query parameters of a collection or item
// GET, read and checked against the resource: limit (positive, cut to the
// server's maximum), offset (non-negative), totalResults and onlyData
// (true/false), fields (`A,B;child:C,D`), expand (`all` or child names),
// orderBy (`Attr[:asc|:desc],...`), q and finder. Each problem is a
// ParamError naming the parameter and what is wrong, for a 400.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/oracle/oracle_collection.h"
#include "sim/oracle/oracle_resources.h"

namespace o2c::sim::oracle {

class ParamError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ChildFields {
  const BoundChild* child = nullptr;
  std::vector<const Attribute*> attributes;   // empty = all
};

struct CollectionParams {
  std::size_t limit = 25;                     // as the server uses it (cut to the maximum)
  std::size_t offset = 0;
  bool total_results = false;
  bool only_data = false;
  std::vector<const Attribute*> attributes;   // fields= of the resource; all when absent
  std::vector<ChildFields> children;          // expanded children
  std::vector<OrderKey> order;
  std::string order_text;                     // orderBy as sent (part of the cache key)
  std::optional<std::string> q;
};

// `params` are the decoded query parameters in order. Throws ParamError.
CollectionParams read_params(const std::vector<std::pair<std::string, std::string>>& params, const Resource& resource,
                             std::size_t default_limit, std::size_t max_limit);

}  // namespace o2c::sim::oracle
