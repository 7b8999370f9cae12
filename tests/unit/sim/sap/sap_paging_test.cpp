// Server-driven paging: every row exactly once through __next /
// @odata.nextLink (field-pitfalls #19), each next link costing O(page), the
// $skiptoken's characters surviving only when the link is sent back as it
// came (#20), $top across pages, sorted results, and the faults connector
// tests use: a repeated next link, an error in a 200, a cross-origin link.
#include <gtest/gtest.h>

#include "sap_test_support.h"

namespace o2c::sim::sap::test {
namespace {

// "http://127.0.0.1:50000/sap/...?..." → "/sap/...?..."
std::string target_of(const std::string& url) {
  const auto scheme = url.find("://");
  return url.substr(url.find('/', scheme + 3));
}

struct PagingFixture : ::testing::Test {
  SapFixture data = make_fixture(5432);
  SapOptions options = [] {
    SapOptions o;
    o.page_size = 1000;
    return o;
  }();

  std::unique_ptr<SapApi> api(const SapOptions& o) {
    return std::make_unique<SapApi>(o, data.catalog, std::make_shared<FixedClock>(kNow));
  }
};

TEST_F(PagingFixture, V2FollowsNextThroughEveryRowAtConstantCostPerPage) {
  auto sap = api(options);
  std::string target = kBilling + "A_BillingDocument?$format=json&$inlinecount=allpages&"
                                  "$filter=BillingDocumentType%20ne%20'XX'&$orderby=BillingDocument%20asc";
  std::vector<std::string> seen;
  std::vector<long> reads;
  while (true) {
    data.documents->reset_reads();
    const SimReply r = sap->handle(get(target));
    reads.push_back(data.documents->reads());
    ASSERT_EQ(r.status, 200) << r.body;
    const auto doc = json_of(r);
    EXPECT_EQ(doc.at("d").at("__count").as_string(), "5432");
    for (const auto& e : doc.at("d").at("results").as_array()) seen.emplace_back(e.at("BillingDocument").as_string());
    if (!doc.at("d").as_object().contains("__next")) break;
    target = target_of(std::string(doc.at("d").at("__next").as_string()));
  }
  ASSERT_EQ(seen.size(), 5432u);
  for (std::size_t i = 0; i < seen.size(); ++i) ASSERT_EQ(seen[i], std::to_string(100001 + i));
  ASSERT_EQ(reads.size(), 6u);
  // The first page counts (one pass); each later page reads about what it writes, wherever it starts.
  for (std::size_t page = 2; page + 1 < reads.size(); ++page) EXPECT_LE(reads[page], reads[1] + 20) << page;
  EXPECT_LT(reads[4], 20'000);   // 1000 rows × (11 properties + filter + etag), not 5000 rows
}

TEST_F(PagingFixture, SkiptokenCarriesCharactersThatMustStayEncoded) {
  auto sap = api(options);
  const SimReply first = sap->handle(get(kBilling + "A_BillingDocument?$format=json&$select=BillingDocument"));
  const std::string next(json_of(first).at("d").at("__next").as_string());
  const std::string token = next.substr(next.find("$skiptoken=") + 11);
  for (const char* escaped : {"%27", "%2B", "%2F", "%26", "%3D"}) EXPECT_NE(token.find(escaped), std::string::npos) << token;
  EXPECT_NE(next.find("$select=BillingDocument"), std::string::npos);   // the options are repeated
  EXPECT_EQ(sap->handle(get(target_of(next))).status, 200);
  // A client that decodes and re-sends the token raw: '+' becomes a space, '&' splits it.
  std::string mangled = target_of(next);
  mangled.replace(mangled.find("%2B"), 3, "+");
  SimReply r = sap->handle(get(mangled));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(sap_message(r).find("$skiptoken"), std::string::npos);
  mangled = target_of(next);
  mangled.replace(mangled.find("%26"), 3, "&");
  EXPECT_EQ(sap->handle(get(mangled)).status, 400);
}

TEST_F(PagingFixture, SkiptokenOfAnotherQueryIsRefused) {
  auto sap = api(options);
  const SimReply first = sap->handle(get(kBilling + "A_BillingDocument?$format=json"));
  const std::string next = target_of(std::string(json_of(first).at("d").at("__next").as_string()));
  const std::string other = kBilling + "A_BillingDocument?$format=json&$filter=BillingDocumentType%20eq%20'F2'&" +
                            next.substr(next.find("$skiptoken="));
  const SimReply r = sap->handle(get(other));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(sap_message(r).find("another query"), std::string::npos);
}

TEST_F(PagingFixture, TopSpansServerPages) {
  auto sap = api(options);
  std::string target = kBilling + "A_BillingDocument?$format=json&$top=2500&$inlinecount=allpages";
  std::vector<std::size_t> sizes;
  while (!target.empty()) {
    const auto doc = json_of(sap->handle(get(target)));
    sizes.push_back(doc.at("d").at("results").as_array().size());
    EXPECT_EQ(doc.at("d").at("__count").as_string(), "5432");
    target = doc.at("d").as_object().contains("__next") ? target_of(std::string(doc.at("d").at("__next").as_string())) : "";
  }
  EXPECT_EQ(sizes, (std::vector<std::size_t>{1000, 1000, 500}));
}

TEST_F(PagingFixture, V4NextLinkIsRelativeToTheRequest) {
  auto sap = api(options);
  std::string target = kBillingV4 + "A_BillingDocument?$count=true&$select=BillingDocument";
  std::size_t rows = 0, pages = 0;
  while (true) {
    const auto doc = json_of(sap->handle(get(target)));
    rows += doc.at("value").as_array().size();
    ++pages;
    if (!doc.as_object().contains("@odata.nextLink")) break;
    const std::string link(doc.at("@odata.nextLink").as_string());
    ASSERT_TRUE(link.starts_with("A_BillingDocument?")) << link;
    target = kBillingV4 + link;
  }
  EXPECT_EQ(rows, 5432u);
  EXPECT_EQ(pages, 6u);
}

TEST_F(PagingFixture, SortedResultsPageWithoutDuplicates) {
  data = make_fixture(12);
  options.page_size = 5;
  auto sap = api(options);
  std::string target = kBilling + "A_BillingDocument?$format=json&$orderby=TotalNetAmount%20desc";
  std::vector<std::string> seen;
  while (!target.empty()) {
    const auto doc = json_of(sap->handle(get(target)));
    for (const auto& e : doc.at("d").at("results").as_array()) seen.emplace_back(e.at("BillingDocument").as_string());
    target = doc.at("d").as_object().contains("__next") ? target_of(std::string(doc.at("d").at("__next").as_string())) : "";
  }
  ASSERT_EQ(seen.size(), 12u);
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], std::to_string(100012 - i));
}

TEST_F(PagingFixture, RepeatNextLinkFaultLoops) {
  options.faults.repeat_next_link = true;
  auto sap = api(options);
  const auto first = json_of(sap->handle(get(kBilling + "A_BillingDocument?$format=json")));
  const std::string next(first.at("d").at("__next").as_string());
  const auto second = json_of(sap->handle(get(target_of(next))));
  EXPECT_EQ(second.at("d").at("__next").as_string(), next);
}

TEST_F(PagingFixture, ErrorInA200Fault) {
  options.faults.error_in_200_every = 2;
  auto sap = api(options);
  EXPECT_TRUE(json_of(sap->handle(get(kBilling + "A_BillingDocument?$format=json&$top=1"))).as_object().contains("d"));
  const SimReply r = sap->handle(get(kBilling + "A_BillingDocument?$format=json&$top=1"));
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(sap_message(r).find("simulated error in an HTTP 200 reply"), std::string::npos);
}

TEST_F(PagingFixture, CrossOriginNextLinkFault) {
  options.faults.next_link_base = "http://proxy.example:8080";
  auto sap = api(options);
  const auto doc = json_of(sap->handle(get(kBilling + "A_BillingDocument?$format=json")));
  EXPECT_TRUE(std::string(doc.at("d").at("__next").as_string()).starts_with("http://proxy.example:8080" + kBilling));
}

}  // namespace
}  // namespace o2c::sim::sap::test
