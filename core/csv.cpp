#include "core/csv.h"

#include "core/error.h"

namespace o2c {

namespace {

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
  }

  std::vector<CsvRow> rows() {
    std::vector<CsvRow> out;
    while (pos_ < text_.size()) {
      CsvRow row{line_, {}};
      read_row(row);
      const bool blank = row.fields.size() == 1 && row.fields[0].empty() && !quoted_;
      if (!blank) out.push_back(std::move(row));
    }
    return out;
  }

 private:
  void read_row(CsvRow& row) {
    quoted_ = false;
    while (true) {
      std::string field;
      read_field(field);
      row.fields.push_back(std::move(field));
      if (pos_ >= text_.size()) return;
      const char c = text_[pos_];
      if (c == ',') {
        ++pos_;
        continue;
      }
      end_of_line();
      return;
    }
  }

  void read_field(std::string& out) {
    if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(out);
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') out += text_[pos_++];
  }

  void read_quoted(std::string& out) {
    quoted_ = true;
    const int start_line = line_, start_column = column_of(pos_++);
    while (true) {
      if (pos_ >= text_.size())
        fail(Error::Kind::config, "line {}, column {}: a quoted field is not closed", start_line, start_column);
      const char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          out += '"';
          ++pos_;
          continue;
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
          fail(Error::Kind::config, "line {}, column {}: text after the closing quote of a field", line_,
               column_of(pos_));
        return;
      }
      if (c == '\n') ++line_, line_start_ = pos_;
      out += c;
    }
  }

  void end_of_line() {
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
    line_start_ = pos_;
  }

  int column_of(std::size_t at) const { return static_cast<int>(at - line_start_) + 1; }

  std::string_view text_;
  std::size_t pos_ = 0, line_start_ = 0;
  int line_ = 1;
  bool quoted_ = false;
};

}  // namespace

std::vector<CsvRow> parse_csv(std::string_view text) { return CsvReader(text).rows(); }

}  // namespace o2c
