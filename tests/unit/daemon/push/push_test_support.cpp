#include "tests/unit/daemon/push/push_test_support.h"

#include <unistd.h>

namespace o2c::push::testing {

void PushFixture::SetUp() {
  dir_ = std::filesystem::temp_directory_path() /
         ("o2c-push-" + std::to_string(::getpid()) + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  store_ = store::open_store("sqlite://" + (dir_ / "o2c.db").string(), clock_);
  store_->migrate();
}

void PushFixture::TearDown() {
  store_.reset();
  std::filesystem::remove_all(dir_);
}

void PushFixture::load(const Records& r) {
  std::vector<schema::CanonicalRecord> all;
  for (const auto& c : r.customers) all.push_back(c);
  for (const auto& o : r.orders) all.push_back(o);
  for (const auto& i : r.invoices) all.push_back(i);
  for (const auto& l : r.lines) all.push_back(l);
  store_->commit_page({"test", "all"}, all, {}, "c");
}

PushStats PushFixture::push(PushOptions options) {
  PushRun run(*store_, {{"fake", PortalHandle{&portal_, einvoice::Profile::en16931_ubl, false, 2}}}, routing_, settings_,
              clock_, options);
  return run.run();
}

}  // namespace o2c::push::testing
