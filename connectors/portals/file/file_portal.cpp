#include "connectors/portals/file/file_portal.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/error.h"

namespace o2c::portals::file {

namespace fs = std::filesystem;

void check_settings(const PortalSettings& s) {
  const auto fail = [&](std::string_view what) {
    throw Error(Error::Kind::config, fmt::format("portals.{}: kind file {}", s.name, what), ErrorContext::of_source(s.name));
  };
  if (!s.url.starts_with("file:///") && !s.url.starts_with("sftp://"))
    fail("needs url file:///folder or sftp://host[:port]/folder");
  if (s.format != "ubl" && s.format != "cii" && s.format != "cxml") fail("needs format ubl, cii or cxml");
  if (s.url.starts_with("sftp://") && s.user.empty()) fail("over sftp needs user");
  if (s.url.starts_with("sftp://") && s.password.empty() && s.private_key.empty())
    fail("over sftp needs password or private_key");
  if (s.format == "cxml" && s.supplier_id.empty()) fail("with format cxml needs supplier_id (our NetworkID)");
}

FilePortal::FilePortal(PortalSettings settings) : settings_(std::move(settings)) {
  check_settings(settings_);
  sftp_ = settings_.url.starts_with("sftp://");
  folder_ = sftp_ ? settings_.url : settings_.url.substr(std::string_view("file://").size());
  while (folder_.size() > 1 && folder_.back() == '/') folder_.pop_back();
  if (sftp_) {
    const auto slash = folder_.find('/', std::string_view("sftp://").size());
    remote_dir_ = slash == std::string::npos ? "/" : folder_.substr(slash);
  }
}

std::string FilePortal::new_key(const std::string& invoice_number, Timestamp) { return invoice_number + ".xml"; }

Payload FilePortal::render(const einvoice::Document& source, const Route& route, const std::string& key,
                           Timestamp made) const {
  einvoice::Document doc = source;
  if (settings_.format == "cxml") {
    einvoice::CxmlEnvelope e;
    e.payload_id = key + "@o2csync";
    e.timestamp = made;
    e.from_identity = e.sender_identity = settings_.supplier_id;
    e.to_identity = route.buyer_id;
    return Payload{"cxml", "text/xml; charset=UTF-8", key, einvoice::write_cxml(doc, e)};
  }
  if (settings_.with_pdf || route.attachment_required) {
    einvoice::Attachment pdf;
    pdf.id = pdf.file_name = doc.number + ".pdf";
    pdf.description = "Invoice " + doc.number;
    pdf.bytes = einvoice::write_pdf(source);
    doc.attachments.push_back(std::move(pdf));
  }
  const bool cii = settings_.format == "cii";
  return Payload{settings_.format, "application/xml", key,
                 cii ? einvoice::write_cii(doc) : einvoice::write_ubl(doc, einvoice::Profile::en16931_ubl)};
}

void write_atomically(const std::string& folder, const std::string& name, const std::string& bytes) {
  const fs::path target = fs::path(folder) / name;
  const fs::path temp = fs::path(folder) / fmt::format(".{}.{}.tmp", name, ::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) throw Error(Error::Kind::transient, fmt::format("cannot create {}: {}", temp.string(), std::strerror(errno)));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      throw Error(Error::Kind::transient, fmt::format("cannot write {}: {}", temp.string(), std::strerror(err)));
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  std::error_code ec;
  if (synced) fs::rename(temp, target, ec);
  if (!synced || ec) {
    fs::remove(temp, ec);
    throw Error(Error::Kind::transient, fmt::format("cannot move {} into place", target.string()));
  }
}

Answer FilePortal::submit(const SubmissionRef& ref, const Payload& payload) {
  const std::string& name = payload.file_name.empty() ? ref.idempotency_key : payload.file_name;
  if (name.empty() || name.find('/') != std::string::npos || name.starts_with('.'))
    return Answer{Outcome::rejected, "", "", fmt::format("'{}' is not a file name", name), std::nullopt};
  const Answer before = lookup(SubmissionRef{ref.invoice_number, ref.issue_date, name, "", ref.route});
  if (before.outcome == Outcome::accepted) return before;   // delivered by an earlier attempt: this very submission
  try {
    if (sftp_)
      sftp_put(SftpTarget{folder_, remote_dir_, settings_.user, settings_.password, settings_.private_key}, name,
               payload.body);
    else
      write_atomically(folder_, name, payload.body);
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::transient) throw;
    // A local write that failed left no file under the name (the rename is
    // the last step and atomic): sending again is safe. Over SFTP the rename
    // may have happened before the connection broke: ask again first.
    if (!sftp_) return Answer{Outcome::retry, "", "", e.what(), std::nullopt};
    return answer_for(AnswerClass::timeout, e.what(), settings_.name);
  }
  return Answer{Outcome::accepted, name, "delivered", "", std::nullopt};
}

Answer FilePortal::lookup(const SubmissionRef& ref) {
  const std::string& name = ref.idempotency_key;
  if (sftp_) {
    std::string problem;
    const auto exists =
        sftp_exists(SftpTarget{folder_, remote_dir_, settings_.user, settings_.password, settings_.private_key}, name,
                    problem);
    if (!exists) return Answer{Outcome::unknown, "", "", problem, std::nullopt};
    if (!*exists) return Answer{Outcome::not_found, "", "", "", std::nullopt};
    return Answer{Outcome::accepted, name, "delivered", "", std::nullopt};
  }
  std::error_code ec;
  const bool exists = fs::exists(fs::path(folder_) / name, ec);
  if (ec) return Answer{Outcome::unknown, "", "", ec.message(), std::nullopt};
  if (!exists) return Answer{Outcome::not_found, "", "", "", std::nullopt};
  return Answer{Outcome::accepted, name, "delivered", "", std::nullopt};
}

}  // namespace o2c::portals::file
