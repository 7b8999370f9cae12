// einvoice/sbdh_writer.cpp — the Peppol Standard Business Document: SBDH
// (api-contracts.md §9.3) around the Peppol BIS 3 UBL document. The instance
// identifier comes from the caller and stays the same on every retry.
#include <fmt/format.h>

#include "core/error.h"
#include "core/time.h"
#include "einvoice/rules.h"
#include "einvoice/syntax_ids.h"
#include "einvoice/ubl.h"
#include "einvoice/xml_util.h"

namespace o2c::einvoice::detail {

namespace {

void add_participant(pugi::xml_node header, const char* role, const Identifier& id) {
  pugi::xml_node node = add_text(add(header, role), "Identifier", fmt::format("{}:{}", id.scheme, id.value));
  set_attr(node, "Authority", "iso6523-actorid-upis");
}

void add_scope(pugi::xml_node scope_parent, std::string_view type, std::string_view instance, std::string_view identifier) {
  pugi::xml_node scope = add(scope_parent, "Scope");
  add_text(scope, "Type", type);
  add_text(scope, "InstanceIdentifier", instance);
  add_optional(scope, "Identifier", identifier);
}

void add_sbdh(pugi::xml_node sbd, const Document& doc, const SbdhEnvelope& env) {
  const bool credit = doc.type == DocumentType::credit_note;
  const std::string_view ns = credit ? kUblCreditNoteNs : kUblInvoiceNs;
  const char* type = credit ? "CreditNote" : "Invoice";
  pugi::xml_node header = add(sbd, "StandardBusinessDocumentHeader");
  add_text(header, "HeaderVersion", "1.0");
  add_participant(header, "Sender", env.sender);
  add_participant(header, "Receiver", env.receiver);
  pugi::xml_node ident = add(header, "DocumentIdentification");
  add_text(ident, "Standard", ns);
  add_text(ident, "TypeVersion", "2.1");
  add_text(ident, "InstanceIdentifier", env.instance_id);
  add_text(ident, "Type", type);
  add_text(ident, "CreationDateAndTime", to_iso8601_seconds(env.created));
  pugi::xml_node scope = add(header, "BusinessScope");
  add_scope(scope, "DOCUMENTID", fmt::format("{}::{}##{}::2.1", ns, type, kPeppolCustomizationId), "busdox-docid-qns");
  add_scope(scope, "PROCESSID", kPeppolProfileId, "cenbii-procid-ubl");
  add_scope(scope, "COUNTRY_C1", env.country_c1, "");
}

void require(bool ok, std::string_view what) {
  if (!ok) throw Error(Error::Kind::internal, fmt::format("SBDH envelope: {} is empty", what));
}

}  // namespace

}  // namespace o2c::einvoice::detail

namespace o2c::einvoice {

std::string write_sbdh(const Document& doc, const SbdhEnvelope& env) {
  using namespace detail;
  require(!env.instance_id.empty(), "instance identifier");
  require(!env.sender.value.empty() && !env.sender.scheme.empty(), "sender participant (scheme and value)");
  require(!env.receiver.value.empty() && !env.receiver.scheme.empty(), "receiver participant (scheme and value)");
  require(!env.country_c1.empty(), "COUNTRY_C1");
  ensure_sendable(doc, Profile::peppol_bis3);
  pugi::xml_document xml;
  add_declaration(xml);
  pugi::xml_node sbd = add(xml, "StandardBusinessDocument");
  set_attr(sbd, "xmlns", kSbdhNs);
  add_sbdh(sbd, doc, env);
  build_ubl(sbd, doc, compute_totals(doc), Profile::peppol_bis3);
  return serialize(xml);
}

}  // namespace o2c::einvoice
