#include "core/log.h"

#include <mutex>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace o2c {

namespace {

// JSON lines: the message is escaped here because spdlog patterns cannot.
class JsonMessageFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    for (char c : msg.payload) {
      switch (c) {
        case '"': dest.append(std::string_view("\\\"")); break;
        case '\\': dest.append(std::string_view("\\\\")); break;
        case '\n': dest.append(std::string_view("\\n")); break;
        case '\t': dest.append(std::string_view("\\t")); break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            const auto s = fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
            dest.append(std::string_view(s));
          } else {
            dest.push_back(c);
          }
      }
    }
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<JsonMessageFlag>(); }
};

std::mutex g_mutex;
LogFormat g_format = LogFormat::text;
spdlog::level::level_enum g_level = spdlog::level::info;
spdlog::sink_ptr g_sink;   // stderr unless init_logging names a file

spdlog::sink_ptr current_sink() {
  if (!g_sink) g_sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  return g_sink;
}

std::unique_ptr<spdlog::formatter> make_formatter() {
  auto f = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
  if (g_format == LogFormat::json) {
    f->add_flag<JsonMessageFlag>('*').set_pattern(
        R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","logger":"%n","msg":"%*"})");
  } else {
    f->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %n: %v");
  }
  return f;
}

}  // namespace

void init_logging(LogFormat format, const std::string& level, const std::string& file) {
  std::lock_guard lock(g_mutex);
  g_format = format;
  g_level = spdlog::level::from_str(level);
  g_sink = file.empty() ? spdlog::sink_ptr(std::make_shared<spdlog::sinks::stderr_sink_mt>())
                        : spdlog::sink_ptr(std::make_shared<spdlog::sinks::basic_file_sink_mt>(file, true));
  spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& l) {
    l->sinks() = {g_sink};
    l->set_level(g_level);
    l->set_formatter(make_formatter());
  });
}

std::shared_ptr<spdlog::logger> logger(const std::string& name) {
  std::lock_guard lock(g_mutex);
  if (auto existing = spdlog::get(name)) return existing;
  auto l = std::make_shared<spdlog::logger>(name, current_sink());
  l->set_level(g_level);
  l->set_formatter(make_formatter());
  spdlog::register_logger(l);
  return l;
}

}  // namespace o2c
