// SFTP uploads and existence checks through libcurl (Debian's libcurl has
// SFTP via libssh2): upload to ".{name}.part", then rename it into place with
// a post-transfer quote command, so the reader never picks up half a file.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include <curl/curl.h>
#include <fmt/format.h>

#include "connectors/portals/file/file_portal.h"
#include "core/error.h"

namespace o2c::portals::file {

namespace {

struct Upload {
  const std::string* bytes;
  std::size_t offset = 0;
};

std::size_t read_chunk(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, up->bytes->size() - up->offset);
  std::memcpy(buffer, up->bytes->data() + up->offset, n);
  up->offset += n;
  return n;
}

std::size_t discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }

// The private key goes to a 0600 temporary file for the transfer (libcurl reads keys from files).
class KeyFile {
 public:
  explicit KeyFile(const Secret& key) {
    if (key.empty()) return;
    char name[] = "/tmp/o2csync-sftp-key-XXXXXX";
    const int fd = ::mkstemp(name);
    if (fd < 0) throw Error(Error::Kind::internal, "cannot create a temporary key file");
    const bool ok = ::write(fd, key.reveal().data(), key.reveal().size()) == static_cast<ssize_t>(key.reveal().size());
    ::close(fd);
    path_ = name;
    if (!ok) throw Error(Error::Kind::internal, "cannot write the temporary key file");
  }
  ~KeyFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  KeyFile(const KeyFile&) = delete;
  KeyFile& operator=(const KeyFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

using Easy = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

Easy session(const SftpTarget& t, const std::string& url, const KeyFile& key) {
  Easy curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) throw Error(Error::Kind::internal, "curl_easy_init failed");
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "sftp");
  curl_easy_setopt(curl.get(), CURLOPT_USERNAME, t.user.c_str());
  if (!t.password.empty()) curl_easy_setopt(curl.get(), CURLOPT_PASSWORD, t.password.reveal().c_str());
  if (!key.path().empty()) curl_easy_setopt(curl.get(), CURLOPT_SSH_PRIVATE_KEYFILE, key.path().c_str());
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 120L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, discard);
  return curl;
}

}  // namespace

void sftp_put(const SftpTarget& t, const std::string& name, const std::string& bytes) {
  const KeyFile key(t.private_key);
  const std::string part = "." + name + ".part";
  Easy curl = session(t, t.folder_url + "/" + part, key);
  Upload upload{&bytes};
  curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, read_chunk);
  curl_easy_setopt(curl.get(), CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl.get(), CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(bytes.size()));
  const std::string dir = t.remote_dir == "/" ? "" : t.remote_dir;
  const std::string rename = fmt::format("rename \"{}/{}\" \"{}/{}\"", dir, part, dir, name);
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> quote(curl_slist_append(nullptr, rename.c_str()),
                                                                    &curl_slist_free_all);
  curl_easy_setopt(curl.get(), CURLOPT_POSTQUOTE, quote.get());
  const CURLcode rc = curl_easy_perform(curl.get());
  if (rc != CURLE_OK)
    throw Error(Error::Kind::transient, fmt::format("sftp upload of {} to {} failed: {}", name, t.folder_url,
                                                    curl_easy_strerror(rc)));
}

std::optional<bool> sftp_exists(const SftpTarget& t, const std::string& name, std::string& problem) {
  const KeyFile key(t.private_key);
  Easy curl = session(t, t.folder_url + "/" + name, key);
  curl_easy_setopt(curl.get(), CURLOPT_NOBODY, 1L);
  const CURLcode rc = curl_easy_perform(curl.get());
  if (rc == CURLE_OK) return true;
  if (rc == CURLE_REMOTE_FILE_NOT_FOUND) return false;
  problem = fmt::format("sftp check of {} at {} failed: {}", name, t.folder_url, curl_easy_strerror(rc));
  return std::nullopt;
}

}  // namespace o2c::portals::file
