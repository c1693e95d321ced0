// Shared by the libFuzzer harnesses: in-memory files for readers that take a path, and the
// invariants every reader's error must hold (docs/robustness.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "load/input_error.hpp"

namespace meshgraph::fuzz {

/// Fails the run (abort, so libFuzzer saves the input) when `condition` is false.
#define MESHGRAPH_FUZZ_CHECK(condition, what) \
  ::meshgraph::fuzz::check((condition), #condition, (what), __FILE__, __LINE__)

void check(bool condition, const char* expression, std::string_view what, const char* file,
           int line);

/// A file that lives in memory (memfd), rewritten for each input; readers open it by its
/// /proc/self/fd path like any other file.
class MemoryFile {
 public:
  MemoryFile();
  ~MemoryFile();
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  /// Replaces the content and returns the path to open.
  const std::string& write(std::string_view content);
  const std::string& path() const { return path_; }

 private:
  int fd_;
  std::string path_;
};

/// How a reader counts positions. Both count lines by LF and columns in bytes; yaml-cpp counts
/// the bytes of the UTF-8 it decoded, which differ from the file's when it guessed UTF-16 or
/// UTF-32 (from NUL bytes at the start) or replaced invalid UTF-8.
enum class Positions { JsonBytes, YamlDecoded };

/// The invariants of every InputError: it names `path`, says something, and a position it
/// gives lies inside `text` (a column may point just past the end of a line).
void check_input_error(const load::InputError& error, const std::string& path,
                       std::string_view text, Positions positions = Positions::JsonBytes);

/// Whether MESHGRAPH_FUZZ_KNOWN_BUGS (comma-separated names, docs/robustness.md) lists `name`:
/// a long run can step around a crash already reported, to look for new ones.
bool is_known_bug(std::string_view name);

/// Whether `text` is well-formed UTF-8 (what JSON output must round-trip unchanged).
bool is_valid_utf8(std::string_view text);

/// The input as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace meshgraph::fuzz
