// store/select_query.h — a SELECT whose columns land in variables, fetched
// row by row (SOCI's statement API without the boilerplate).
#pragma once

#include <string>

#include <soci/soci.h>

#include "store/connection.h"

namespace o2c::store {

class SelectQuery {
 public:
  explicit SelectQuery(Connection& connection) : statement_(connection.sql()) {}
  template <typename T>
  SelectQuery& into(T& value) {
    statement_.exchange(soci::into(value));
    return *this;
  }
  template <typename T>
  SelectQuery& into(T& value, soci::indicator& indicator) {
    statement_.exchange(soci::into(value, indicator));
    return *this;
  }
  template <typename T>
  SelectQuery& use(const T& value, const std::string& name) {
    statement_.exchange(soci::use(value, name));
    return *this;
  }
  void run(const std::string& sql) {
    statement_.alloc();
    statement_.prepare(sql);
    statement_.define_and_bind();
    statement_.execute(false);
  }
  bool next() { return statement_.fetch(); }

 private:
  soci::statement statement_;
};

}  // namespace o2c::store
