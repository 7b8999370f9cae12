// tests/unit/connectors/sap/sap_test_server.h — the simulated SAP API
// (sim/sap) behind the scripted local HTTP server, with a hook to replace or
// rewrite answers (throttling, truncation, a server that ignores $skiptoken),
// and the connector settings that reach it.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "connectors/sap/sap.h"
#include "sim/sap/sap_api.h"
#include "tests/support/http/http_test_server.h"
#include "tests/unit/sim/sap/sap_test_support.h"

namespace o2c::sap::test {

using sim::sap::test::kNow;

class SapTestServer {
 public:
  // Called first; a reply returned replaces SapApi's. May rewrite the request (e.g. its target).
  using Hook = std::function<std::optional<o2c::test::HttpTestReply>(sim::SimRequest&, int index)>;

  explicit SapTestServer(sim::sap::SapOptions options = {}, std::shared_ptr<const sim::SimCatalog> catalog = nullptr)
      : fixture_(sim::sap::test::make_fixture(2500)),
        api_(std::move(options), catalog ? std::move(catalog) : fixture_.catalog,
             std::make_shared<FixedClock>(kNow + std::chrono::minutes(5))),
        server_([this](const o2c::test::HttpTestRequest& r) { return handle(r); }) {}

  std::string url() const { return server_.url(); }
  sim::sap::test::SapFixture& data() { return fixture_; }
  sim::sap::SapApi& api() { return api_; }
  o2c::test::HttpTestServer& http() { return server_; }
  void set_hook(Hook hook) {
    std::lock_guard lock(mutex_);
    hook_ = std::move(hook);
  }
  std::vector<std::string> targets() const {
    std::vector<std::string> out;
    for (const auto& r : server_.requests()) out.push_back(r.target);
    return out;
  }

  // Connector settings for this server: Basic auth, client 100, fast retries.
  SapSettings settings() const {
    SapSettings s;
    s.name = "erp";
    s.url = url();
    s.sap_client = "100";
    s.user = "O2C_COMM_USER";
    s.password = Secret("o2c-demo-password");
    s.page_size = 1000;
    s.check_metadata = false;  // the paging tests count requests; sap_metadata_test checks $metadata
    s.client.backoff_base = std::chrono::milliseconds(1);
    s.client.backoff_max = std::chrono::milliseconds(2);
    s.client.retry_after_max = std::chrono::milliseconds(5);
    s.client.max_attempts = 3;
    s.client.seed = 7;
    return s;
  }

 private:
  o2c::test::HttpTestReply handle(const o2c::test::HttpTestRequest& r) {
    sim::SimRequest request;
    request.method = r.method;
    request.target = r.target;
    request.host = r.header("host");
    request.headers = r.headers;
    request.body = r.body;
    Hook hook;
    int index = 0;
    {
      std::lock_guard lock(mutex_);
      hook = hook_;
      index = calls_++;
    }
    if (hook)
      if (auto replaced = hook(request, index)) return *replaced;
    const sim::SimReply reply = api_.handle(request);
    o2c::test::HttpTestReply out;
    out.status = reply.status;
    out.headers = reply.headers;
    out.body = reply.body;
    return out;
  }

  sim::sap::test::SapFixture fixture_;
  sim::sap::SapApi api_;
  std::mutex mutex_;
  Hook hook_;
  int calls_ = 0;
  o2c::test::HttpTestServer server_;   // last: stops (joins its threads) before the rest goes
};

inline connectors::QuerySpec billing_query(std::string service = "/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV") {
  connectors::QuerySpec q;
  q.service = std::move(service);
  q.object = "A_BillingDocument";
  q.id_field = "BillingDocument";
  q.cursor_field = "LastChangeDateTime";
  q.fields = {"BillingDocument", "BillingDocumentType", "TotalGrossAmount", "TransactionCurrency",
              "BillingDocumentIsCancelled", "LastChangeDateTime"};
  return q;
}

inline const std::string kBillingV4Service = "/sap/opu/odata4/sap/api_billingdocument/srvd_a2x/sap/billingdocument/0001";

}  // namespace o2c::sap::test
