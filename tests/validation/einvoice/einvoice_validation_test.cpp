// tests/validation/einvoice/einvoice_validation_test.cpp — generated e-invoices
// against the OFFICIAL EN 16931 Schematron (shared/validation): every VAT
// category, invoice and credit note, UBL (Peppol BIS 3 and plain EN 16931)
// and CII, must give 0 fatal; a deliberately broken document must be caught.
// The validator takes ~15 s per UBL and ~55 s per CII file, so the set is
// small, several categories share a document, and the UBL and CII batches run
// side by side (one validator call each).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "tests/unit/einvoice/einvoice_fixtures.h"

namespace o2c::einvoice {
namespace {

namespace fs = std::filesystem;
using namespace fixtures;

struct Sample {
  std::string file;
  std::string xml;
};

Document with_extras(Document d) {
  d.attachments.push_back(Attachment{"TS-2024-05", "Timesheet May 2024", "text/csv", "timesheet.csv", "day,hours\n2,8\n"});
  d.prepaid = eur("100.00");
  d.rounding = eur("0.02");  // the ERP's cash rounding goes to BT-114 (pitfall #35)
  return d;
}

Document half_cent_credit_note() {  // pitfall #37: +324.995 and -532.875 both round away from zero
  Document d = credit_note();
  d.number = "CN-2024-0008";
  d.lines.push_back(line("2", "Correction of a prior credit", "-1", "7612.50", "-7612.50", VatCategory::standard, "7"));
  return d;
}

Document k_g_z(DocumentType type) {
  Document d = invoice();
  d.type = type;
  d.number = type == DocumentType::invoice ? "INV-2024-0044" : "CN-2024-0009";
  if (type == DocumentType::credit_note) d.due_date.reset();
  d.delivery_date = day("2024-04-30");
  d.delivery_country = "DE";
  d.lines = {line("1", "Server rack, delivered to Munich", "2", "1500", "3000.00", VatCategory::intra_eu_supply, "0"),
             line("2", "Spare parts shipped to Geneva", "10", "12.50", "125.00", VatCategory::export_, "0"),
             line("3", "Printed books", "3", "19.99", "59.97", VatCategory::zero_rated, "0")};
  return d;
}

Document not_subject() {
  Document d = invoice();
  d.number = "INV-2024-0045";
  d.seller.vat_id.clear();
  d.buyer.vat_id.clear();
  d.lines = {line("1", "Membership fee 2024", "1", "450", "450.00", VatCategory::outside_scope, "")};
  return d;
}

// write_ubl refuses a broken document, so the break is made in the XML: the
// sum of line nets (BT-106) no longer matches the lines (BR-CO-10).
std::string broken_line_total() {
  pugi::xml_document xml;
  xml.load_string(write_ubl(invoice(), Profile::peppol_bis3).c_str());
  xml.document_element().child("cac:LegalMonetaryTotal").child("cbc:LineExtensionAmount").text().set("1259.38");
  std::ostringstream out;
  xml.save(out);
  return out.str();
}

std::vector<Sample> ubl_samples() {
  Document mixed_credit = mixed_invoice();
  mixed_credit.type = DocumentType::credit_note;
  mixed_credit.number = "CN-2024-0010";
  mixed_credit.due_date.reset();
  mixed_credit.lines.push_back(line("6", "Returned manuals", "1", "25", "25.00", VatCategory::zero_rated, "0"));
  return {
      {"peppol-invoice-s-e-ae.xml", write_ubl(with_extras(mixed_invoice()), Profile::peppol_bis3)},
      {"peppol-credit-note-half-cent.xml", write_ubl(half_cent_credit_note(), Profile::peppol_bis3)},
      {"peppol-invoice-k-g-z.xml", write_ubl(k_g_z(DocumentType::invoice), Profile::peppol_bis3)},
      {"peppol-invoice-o.xml", write_ubl(not_subject(), Profile::peppol_bis3)},
      {"en16931-ubl-credit-note-s-e-ae-z.xml", write_ubl(mixed_credit, Profile::en16931_ubl)},
      {"broken-br-co-10.xml", broken_line_total()},
  };
}

std::vector<Sample> cii_samples() {
  Document mixed = with_extras(mixed_invoice());
  mixed.lines.push_back(line("6", "Printed books", "2", "15", "30.00", VatCategory::zero_rated, "0"));
  return {
      {"cii-invoice-s-e-ae-z.xml", write_cii(mixed)},
      {"cii-credit-note-k-g-z.xml", write_cii(k_g_z(DocumentType::credit_note))},
  };
}

std::string validator() {
  if (const char* path = std::getenv("O2C_VALIDATE_EINVOICE")) return path;
  return O2C_SOURCE_DIR "/../shared/validation/validate-einvoice";
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), {}};
}

class OfficialValidator : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    node_missing_ = std::system("command -v node >/dev/null 2>&1") != 0;
    if (node_missing_) return;
    dir_ = fs::temp_directory_path() / ("o2c-einvoice-validation-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::string ubl_files, cii_files;
    for (const auto& s : ubl_samples()) ubl_files += " " + write(s);
    for (const auto& s : cii_samples()) cii_files += " " + write(s);
    const std::string v = "'" + validator() + "'";
    const std::string command = "cd '" + dir_.string() + "' && { " + v + ubl_files + " > ubl.out 2>&1 & p=$!; " + v +
                                cii_files + " > cii.out 2>&1; echo $? > cii.rc; wait $p; echo $? > ubl.rc; }";
    if (std::system(command.c_str()) != 0) ADD_FAILURE() << "could not run: " << command;
    output_ = read(dir_ / "ubl.out") + read(dir_ / "cii.out");
    ubl_status_ = std::atoi(read(dir_ / "ubl.rc").c_str());
    cii_status_ = std::atoi(read(dir_ / "cii.rc").c_str());
    std::cout << output_;
  }

  static void TearDownTestSuite() {
    if (!dir_.empty() && !::testing::UnitTest::GetInstance()->Failed()) fs::remove_all(dir_);
  }

  void SetUp() override {
    if (node_missing_) GTEST_SKIP() << "Node.js (node) is not installed: the official validator cannot run";
  }

  static std::string write(const Sample& s) {
    std::ofstream(dir_ / s.file) << s.xml;
    return s.file;
  }

  // The rule ids the validator reported as FATAL for one file.
  static std::set<std::string> fatal(const std::string& file) {
    std::set<std::string> rules;
    std::istringstream lines(output_);
    for (std::string l; std::getline(lines, l);) {
      if (l.rfind("FATAL ", 0) != 0 || l.find(" " + file + ":") == std::string::npos) continue;
      rules.insert(l.substr(6, l.find(' ', 6) - 6));
    }
    return rules;
  }

  static void expect_valid(const std::string& file) {
    EXPECT_NE(output_.find("validate-einvoice:"), std::string::npos) << "the validator did not finish:\n" << output_;
    EXPECT_EQ(output_.find("ERROR " + file), std::string::npos) << output_;
    const auto rules = fatal(file);
    std::string list;
    for (const auto& r : rules) list += r + " ";
    EXPECT_TRUE(rules.empty()) << file << " breaks: " << list;
  }

  static inline bool node_missing_ = false;
  static inline fs::path dir_;
  static inline std::string output_;
  static inline int ubl_status_ = -1;
  static inline int cii_status_ = -1;
};

TEST_F(OfficialValidator, PeppolInvoiceWithStandardExemptAndReverseChargePasses) { expect_valid("peppol-invoice-s-e-ae.xml"); }

TEST_F(OfficialValidator, PeppolCreditNoteWithHalfCentTaxesPasses) { expect_valid("peppol-credit-note-half-cent.xml"); }

TEST_F(OfficialValidator, PeppolInvoiceWithIntraEuExportAndZeroRatedPasses) { expect_valid("peppol-invoice-k-g-z.xml"); }

TEST_F(OfficialValidator, PeppolInvoiceNotSubjectToVatPasses) { expect_valid("peppol-invoice-o.xml"); }

TEST_F(OfficialValidator, En16931UblCreditNoteWithFourCategoriesPasses) {
  expect_valid("en16931-ubl-credit-note-s-e-ae-z.xml");
}

TEST_F(OfficialValidator, CiiInvoiceWithFourCategoriesPasses) { expect_valid("cii-invoice-s-e-ae-z.xml"); }

TEST_F(OfficialValidator, CiiCreditNoteWithIntraEuExportAndZeroRatedPasses) { expect_valid("cii-credit-note-k-g-z.xml"); }

TEST_F(OfficialValidator, CatchesALineTotalThatDoesNotAddUp) {
  const auto rules = fatal("broken-br-co-10.xml");
  EXPECT_TRUE(rules.count("BR-CO-10")) << output_;
  EXPECT_EQ(ubl_status_, 1) << "the UBL batch holds the broken file: exit 1 (some fatal)";
  EXPECT_EQ(cii_status_, 0) << "the CII batch is all valid: exit 0";
}

}  // namespace
}  // namespace o2c::einvoice
