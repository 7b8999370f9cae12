// connectors/portals/file/file_portal.h — the file drop: a local folder
// (url file:///folder) or an SFTP folder (url sftp://host[:port]/folder,
// through libcurl's SFTP: user + password or private_key). The document is
// written under a temporary name and renamed into place (a local rename; an
// SFTP rename command after the upload), so a reader never sees half a file.
// The key is the file name ("INV100001.xml"): lookup = the file exists;
// a delivered file counts as accepted. format: ubl | cii | cxml; with_pdf
// embeds the invoice PDF in the XML (BG-24) for ubl and cii.
#pragma once

#include <optional>
#include <string>

#include "connectors/portals/portal.h"
#include "connectors/portals/portal_answers.h"

namespace o2c::portals::file {

class FilePortal final : public Portal {
 public:
  explicit FilePortal(PortalSettings settings);
  std::string_view kind() const override { return "file"; }
  std::string new_key(const std::string& invoice_number, Timestamp now) override;
  Payload render(const einvoice::Document& doc, const Route& route, const std::string& key,
                 Timestamp made) const override;
  Answer submit(const SubmissionRef& ref, const Payload& payload) override;
  Answer lookup(const SubmissionRef& ref) override;
  Answer status(const SubmissionRef& ref) override { return lookup(ref); }

 private:
  PortalSettings settings_;
  bool sftp_ = false;
  std::string folder_;     // local path, or the sftp URL of the folder (no trailing '/')
  std::string remote_dir_; // sftp: the folder's path on the server
};

void check_settings(const PortalSettings& s);

// Local folder: writes `bytes` to folder/name through a temporary file and a rename.
void write_atomically(const std::string& folder, const std::string& name, const std::string& bytes);

// SFTP through libcurl (file_sftp.cpp).
struct SftpTarget {
  std::string folder_url;   // sftp://host:port/folder
  std::string remote_dir;   // /folder
  std::string user;
  Secret password, private_key;
};
// Uploads to ".{name}.part" then renames to name; Error(transient) on a failed transfer.
void sftp_put(const SftpTarget& target, const std::string& name, const std::string& bytes);
// Whether folder/name exists: true, false, or nullopt when the server could not tell.
std::optional<bool> sftp_exists(const SftpTarget& target, const std::string& name, std::string& problem);

}  // namespace o2c::portals::file
