// einvoice/syntax_ids.h — the identifiers the documents must carry byte for
// byte (field-pitfalls #39): specification ids, process ids, namespaces.
#pragma once

#include <string_view>

namespace o2c::einvoice::detail {

inline constexpr std::string_view kEn16931Id = "urn:cen.eu:en16931:2017";                 // BT-24, CII guideline
inline constexpr std::string_view kPeppolCustomizationId =
    "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";          // BT-24, Peppol BIS 3
inline constexpr std::string_view kPeppolProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";  // BT-23

inline constexpr std::string_view kUblInvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
inline constexpr std::string_view kUblCreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
inline constexpr std::string_view kUblCacNs =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
inline constexpr std::string_view kUblCbcNs = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

inline constexpr std::string_view kCiiRsmNs = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
inline constexpr std::string_view kCiiRamNs =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
inline constexpr std::string_view kCiiUdtNs = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
inline constexpr std::string_view kCiiQdtNs = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

inline constexpr std::string_view kSbdhNs = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";

}  // namespace o2c::einvoice::detail
