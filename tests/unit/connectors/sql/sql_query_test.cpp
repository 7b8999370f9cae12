// tests/unit/connectors/sql/sql_query_test.cpp — :cursor and :last_id become
// positional parameters wherever they appear (several times too), never
// inside quotes or comments; anything SOCI's parser would silently mangle is
// refused with a message that says what to write instead.
#include "connectors/sql/sql_query.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace o2c::sql {
namespace {

std::string refusal(std::string_view sql) {
  try {
    bind_parameters(sql);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    return e.what();
  }
  ADD_FAILURE() << "accepted: " << sql;
  return {};
}

TEST(SqlQuery, ParametersBecomePositionalInOrder) {
  const BoundQuery q = bind_parameters("SELECT a FROM t WHERE lud >= :cursor AND id > :last_id ORDER BY id");
  EXPECT_EQ(q.text, "SELECT a FROM t WHERE lud >= ? AND id > ? ORDER BY id");
  EXPECT_EQ(q.parameters, (std::vector<Parameter>{Parameter::cursor, Parameter::last_id}));
}

TEST(SqlQuery, AParameterMayAppearSeveralTimesAndInUpperCase) {
  const BoundQuery q =
      bind_parameters("WHERE (a.lud >= :cursor OR b.lud >= :CURSOR) AND id > :last_id AND :cursor IS NOT NULL");
  EXPECT_EQ(q.text, "WHERE (a.lud >= ? OR b.lud >= ?) AND id > ? AND ? IS NOT NULL");
  EXPECT_EQ(q.parameters, (std::vector<Parameter>{Parameter::cursor, Parameter::cursor, Parameter::last_id,
                                                  Parameter::cursor}));
}

TEST(SqlQuery, QuotesAreCopiedAsTheyAreAndCommentsDropped) {
  const BoundQuery q = bind_parameters(
      "SELECT 'it''s :cursor', \"odd:name\", TO_CHAR(d, 'HH24:MI') -- :ignored, it's a comment\n"
      "FROM t /* :also ignored */ WHERE lud >= :cursor AND id > :last_id");
  EXPECT_EQ(q.text, "SELECT 'it''s :cursor', \"odd:name\", TO_CHAR(d, 'HH24:MI') \nFROM t   WHERE lud >= ? AND id > ?");
  EXPECT_EQ(q.parameters.size(), 2u);
}

TEST(SqlQuery, OptimizerHintsAreKept) {
  const BoundQuery q = bind_parameters("SELECT /*+ INDEX(t trx_n5) */ id FROM t WHERE lud >= :cursor AND id > :last_id");
  EXPECT_EQ(q.text, "SELECT /*+ INDEX(t trx_n5) */ id FROM t WHERE lud >= ? AND id > ?");
}

TEST(SqlQuery, BothParametersAreRequired) {
  EXPECT_NE(refusal("SELECT id FROM t WHERE id > :last_id").find("needs the bind parameter :cursor"), std::string::npos);
  EXPECT_NE(refusal("SELECT id FROM t WHERE lud >= :cursor").find("needs the bind parameter :last_id"),
            std::string::npos);
  // In a comment or a literal they do not count.
  EXPECT_NE(refusal("SELECT ':cursor' FROM t WHERE id > :last_id -- lud >= :cursor").find(":cursor"),
            std::string::npos);
}

TEST(SqlQuery, WhatSociWouldMangleIsRefused) {
  EXPECT_NE(refusal("SELECT x::text FROM t WHERE lud >= :cursor AND id > :last_id").find("CAST(x AS type)"),
            std::string::npos);
  EXPECT_NE(refusal("SELECT a FROM t WHERE lud >= :cursor AND id > :last_id AND org_id = :org_id")
                .find("unknown bind parameter :org_id"),
            std::string::npos);
  EXPECT_NE(refusal("SELECT a FROM t WHERE lud >= ? AND id > :last_id AND lud >= :cursor").find("'?'"),
            std::string::npos);
}

TEST(SqlQuery, MessagesStartWithTheMappingKey) {
  EXPECT_EQ(refusal("SELECT 1").rfind("query: ", 0), 0u);
}

}  // namespace
}  // namespace o2c::sql
