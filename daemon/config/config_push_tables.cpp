// daemon/config/config_push_tables.cpp — the settings of seller:, portals.<name>:
// and push: (the invoices delivered to customer portals), declared once.
#include "daemon/config/config_tables.h"

namespace o2c::config {

using T = SettingType;

const SettingsTable<SellerConfig>& seller_settings() {
  using S = SellerConfig;
  static const SettingsTable<S> table{
      Setting<S>{"name", T::text, &S::name, "Registered name of the company that issues the invoices"},
      Setting<S>{"vat_id", T::text, &S::vat_id, "VAT identifier with its country prefix, e.g. FR96552100554"},
      Setting<S>{"legal_id", T::text, &S::legal_id, "Legal registration id, e.g. the SIREN 552100554"},
      Setting<S>{"legal_id_scheme", T::text, &S::legal_id_scheme, "ISO 6523 ICD of legal_id (0002: SIREN, 0009: SIRET)"},
      Setting<S>{"endpoint", T::text, &S::endpoint,
                 "Peppol electronic address as scheme:value, e.g. 0009:55210055400013 (required with a peppol portal)"},
      Setting<S>{"street", T::text, &S::street, "Street and number"},
      Setting<S>{"city", T::text, &S::city, "City"},
      Setting<S>{"postal_code", T::text, &S::postal_code, "Postal code"},
      Setting<S>{"country", T::text, &S::country, "ISO 3166-1 alpha-2 country code, e.g. FR"},
      Setting<S>{"email", T::text, &S::email, "Contact e-mail for invoice questions"},
      Setting<S>{"phone", T::text, &S::phone, "Contact phone"},
      Setting<S>{"iban", T::text, &S::iban, "IBAN customers pay to (credit transfer instructions on every invoice)"},
      Setting<S>{"bic", T::text, &S::bic, "BIC of that account"},
      Setting<S>{"payment_terms", T::text, &S::payment_terms, "Payment terms text printed on invoices"}
          .default_to("Payment within 30 days"),
  };
  return table;
}

const SettingsTable<PortalConfig>& portal_settings() {
  using P = PortalConfig;
  static const SettingsTable<P> table{
      Setting<P>{"kind", T::choice, &P::kind, "Which portal this is"}.required().one_of(kPortalKinds),
      Setting<P>{"url", T::text, &P::url,
                 "coupa: the instance, e.g. https://acme.coupahost.com; ariba: the cXML invoice URL; chorus: the API "
                 "base, e.g. https://api.piste.gouv.fr; peppol: the access point's API base; file: file:///folder or "
                 "sftp://host[:port]/folder (required)"},
      Setting<P>{"token_url", T::url, &P::token_url, "OAuth 2.0 token endpoint (coupa, chorus: PISTE; peppol)"},
      Setting<P>{"grant", T::choice, &P::grant, "client_credentials, or api_key (coupa, peppol)"}.one_of(
          {"client_credentials", "api_key"}),
      Setting<P>{"scope", T::text, &P::scope,
                 "OAuth scopes, space-separated (coupa: core.invoice.read core.invoice.write; chorus: openid)"},
      Setting<P>{"client_id", T::secret, &P::client_id, "OAuth 2.0 client id"},
      Setting<P>{"client_secret", T::secret, &P::client_secret, "OAuth 2.0 client secret"},
      Setting<P>{"api_key", T::secret, &P::api_key, "API key (grant api_key)"},
      Setting<P>{"shared_secret", T::secret, &P::shared_secret, "ariba: the cXML SharedSecret"},
      Setting<P>{"user", T::text, &P::user, "chorus: the technical account login (TECH_1_...@cpro.fr); file: SFTP user"},
      Setting<P>{"password", T::secret, &P::password, "chorus: the technical account password; file: SFTP password"},
      Setting<P>{"private_key", T::secret, &P::private_key, "file: SFTP private key, instead of a password"},
      Setting<P>{"supplier_id", T::text, &P::supplier_id,
                 "ariba: your NetworkID (AN...); chorus: your SIRET; peppol: your participant value"},
      Setting<P>{"supplier_scheme", T::text, &P::supplier_scheme, "peppol: the EAS code of supplier_id, e.g. 0009"},
      Setting<P>{"format", T::choice, &P::format, "file, chorus: the document written or deposited"}
          .default_to("ubl")
          .one_of({"ubl", "cii", "cxml"}),
      Setting<P>{"with_pdf", T::boolean, &P::with_pdf, "Attach the invoice PDF (where the portal takes attachments)"}
          .default_to("false"),
      Setting<P>{"test_mode", T::boolean, &P::test_mode,
                 "ariba: deploymentMode test; chorus: the qualification platform"}
          .default_to("false"),
      Setting<P>{"max_concurrency", T::integer, &P::max_concurrency, "Submissions in flight at once"}
          .default_to("4")
          .range(1, 64),
      Setting<P>{"rate_per_second", T::number, &P::rate_per_second, "Request rate limit (Coupa allows 25/s)"}
          .default_to("10")
          .range(0.1, 1000),
      Setting<P>{"timeout", T::duration, &P::timeout, "Timeout of one request"}.default_to("60s"),
      Setting<P>{"max_attempts", T::integer, &P::max_attempts,
                 "Attempts of a request that cannot have created anything (refused connection, 429, 503)"}
          .default_to("5")
          .range(1, 20),
  };
  return table;
}

const SettingsTable<PushConfig>& push_settings() {
  using P = PushConfig;
  static const SettingsTable<P> table{
      Setting<P>{"routing", T::path, &P::routing,
                 "Routing table (CSV, relative to config.yaml): which customer goes to which portal, with its ids"},
      Setting<P>{"since", T::text, &P::since,
                 "First issue date pushed, YYYY-MM-DD: older invoices are never sent (they were uploaded by hand)"},
      Setting<P>{"accept_within", T::duration, &P::accept_within,
                 "PORTAL_NOT_SUBMITTED when an invoice due for a portal is not accepted this long after its date"}
          .default_to("5d"),
      Setting<P>{"copy_dir", T::path, &P::copy_dir, "Folder that keeps a copy of every document sent (optional)"},
  };
  return table;
}

}  // namespace o2c::config
