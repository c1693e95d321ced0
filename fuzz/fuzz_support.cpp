// In-memory files and the shared error invariants of the harnesses.
#include "fuzz_support.hpp"

#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace meshgraph::fuzz {

void check(bool condition, const char* expression, std::string_view what, const char* file,
           int line) {
  if (condition) return;
  fmt::print(stderr, "{}:{}: fuzz invariant broken: {}\n  {}\n", file, line, expression, what);
  std::abort();
}

MemoryFile::MemoryFile() : fd_(::memfd_create("meshgraph-fuzz", 0)) {
  MESHGRAPH_FUZZ_CHECK(fd_ >= 0, "memfd_create failed");
  path_ = fmt::format("/proc/self/fd/{}", fd_);
}

MemoryFile::~MemoryFile() { ::close(fd_); }

const std::string& MemoryFile::write(std::string_view content) {
  MESHGRAPH_FUZZ_CHECK(::ftruncate(fd_, 0) == 0, "ftruncate failed");
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::pwrite(fd_, content.data() + written, content.size() - written,
                               static_cast<off_t>(written));
    MESHGRAPH_FUZZ_CHECK(n > 0, "pwrite failed");
    written += static_cast<std::size_t>(n);
  }
  return path_;
}

namespace {

/// The lines of `text` as both readers count them: a lone CR does not start a line in either.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      lines.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  lines.push_back(text.substr(start));
  return lines;
}

}  // namespace

void check_input_error(const load::InputError& error, const std::string& path,
                       std::string_view text, Positions positions) {
  const std::string_view message = error.what();
  MESHGRAPH_FUZZ_CHECK(error.file() == path, message);
  MESHGRAPH_FUZZ_CHECK(!message.empty(), "an InputError without a message");
  if (!error.position()) return;
  const load::TextPosition position = *error.position();
  MESHGRAPH_FUZZ_CHECK(position.line >= 1 && position.column >= 1, message);
  const std::vector<std::string_view> lines = split_lines(text);
  MESHGRAPH_FUZZ_CHECK(position.line <= lines.size(),
                       fmt::format("{} at line {} of {}", message, position.line, lines.size()));
  const std::string_view line = lines[position.line - 1];
  const std::size_t length = line.size();
  // Columns of text yaml-cpp decoded as UTF-16/32, or repaired, are not ours to check.
  if (positions == Positions::YamlDecoded &&
      (!is_valid_utf8(text) || text.find('\0') != std::string_view::npos)) {
    return;
  }
  // A column may point one past the line's last byte (an error at its end).
  MESHGRAPH_FUZZ_CHECK(
      position.column <= length + 1,
      fmt::format("{} at column {} of a line of {}", message, position.column, length));
}

bool is_known_bug(std::string_view name) {
  const char* known = std::getenv("MESHGRAPH_FUZZ_KNOWN_BUGS");
  std::string_view list = known == nullptr ? "" : known;
  while (!list.empty()) {
    const std::size_t comma = std::min(list.find(','), list.size());
    if (list.substr(0, comma) == name) return true;
    list.remove_prefix(std::min(comma + 1, list.size()));
  }
  return false;
}

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (byte < 0x80) {
      ++i;
      continue;
    } else if ((byte & 0xE0) == 0xC0) {
      length = 2;
      code = byte & 0x1F;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      code = byte & 0x0F;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      code = byte & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    const bool overlong = (length == 2 && code < 0x80) || (length == 3 && code < 0x800) ||
                          (length == 4 && code < 0x10000);
    if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

}  // namespace meshgraph::fuzz
