// sim/oracle/oracle_resources.h
// Which REST resources the simulated pod serves and how each one reads its
// SimTable: the collection path (root + name), the catalog table, the child
// resources `expand` can inline, which attributes `q` may use (queryable) and
// how each attribute is written in JSON (Oracle writes most amounts as
// numbers, but standardReceipts' Amount as a string). A resource is bound to
// the catalog per request, so a table a mutation replaced is seen at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/sim_table.h"

namespace o2c::sim::oracle {

inline constexpr std::string_view kFscmRoot = "/fscmRestApi/resources/11.13.18.05";
inline constexpr std::string_view kCrmRoot = "/crmRestApi/resources/11.13.18.05";

// How an attribute is typed in describe and written in an item.
enum class AttrType {
  string,       // JSON string
  integer,      // JSON number (ids); a value that is not all digits is written as a string
  number,       // JSON number with the exact decimal text
  number_text,  // a decimal written as a JSON string ("451.23")
  date,         // "2026-11-24"
  datetime,     // "2026-11-24T10:00:00.000+00:00"
  boolean,
};
std::string_view describe_type(AttrType type);

struct ChildSpec {
  std::string name;                        // "receivablesInvoiceLines"
  std::string table;                       // catalog table of the child rows
  std::string parent_key;                  // column of the child rows holding the parent's key
  std::vector<std::string> amounts_as_text;
};

struct ResourceSpec {
  std::string root;                        // kFscmRoot or kCrmRoot
  std::string name;                        // collection name: "receivablesInvoices"
  std::string table;                       // catalog table; "" = name
  std::string title;                       // describe title
  std::vector<std::string> not_queryable;  // attributes `q` refuses
  std::vector<std::string> amounts_as_text;
  std::vector<ChildSpec> children;         // offered only when their table exists
};

// The resources of the o2csync demo pod (sim/DATA.md "Oracle catalog"):
// receivablesInvoices (child receivablesInvoiceLines; InvoiceBalanceAmount
// not queryable), standardReceipts (Amount and UnappliedAmount written as
// strings; UnappliedAmount not queryable), receivablesCustomerAccountActivities.
std::vector<ResourceSpec> fusion_resources();

struct Attribute {
  std::string name;
  std::size_t column = 0;                  // in the resource's (or child's) table
  AttrType type = AttrType::string;
  bool queryable = true;
};

struct BoundChild {
  const ChildSpec* spec = nullptr;
  SimTablePtr table;
  std::vector<Attribute> attributes;
  std::size_t parent_key_column = 0;
};

struct Resource {
  const ResourceSpec* spec = nullptr;
  SimTablePtr table;                       // column 0 is the key
  std::vector<Attribute> attributes;
  std::vector<BoundChild> children;

  std::string path() const { return spec->root + "/" + spec->name; }
  const Attribute* attribute(std::string_view name) const;   // exact name (ADF names are case-sensitive)
  const BoundChild* child(std::string_view name) const;
  std::vector<std::string> attribute_names() const;
};

// The resource bound to the catalog's tables, or nullopt when its table is absent.
std::optional<Resource> bind_resource(const ResourceSpec& spec, const SimCatalog& catalog);

// GET <collection>/describe: {"Resources":{"<name>":{"title":..,"attributes":[..],"collection":..,"item":..,"children":..}}}
std::string describe_json(const Resource& resource);

}  // namespace o2c::sim::oracle
