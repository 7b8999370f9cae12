// einvoice/profile.cpp — profile names and write_xml's dispatch.
#include <array>
#include <utility>

#include "einvoice/einvoice.h"

namespace o2c::einvoice {

namespace {
constexpr std::array<std::pair<Profile, std::string_view>, 3> kNames{{
    {Profile::peppol_bis3, "peppol-bis3"},
    {Profile::en16931_ubl, "en16931-ubl"},
    {Profile::en16931_cii, "en16931-cii"},
}};
}  // namespace

std::string_view name(Profile p) {
  for (const auto& [profile, text] : kNames)
    if (profile == p) return text;
  return "peppol-bis3";
}

std::optional<Profile> parse_profile(std::string_view text) {
  for (const auto& [profile, name_text] : kNames)
    if (name_text == text) return profile;
  return std::nullopt;  // an unknown destination is refused, never defaulted (pitfall #39)
}

std::string write_xml(const Document& doc, Profile profile) {
  return profile == Profile::en16931_cii ? write_cii(doc) : write_ubl(doc, profile);
}

}  // namespace o2c::einvoice
