// Atomic report writing: temp file in the same folder, then rename.
#include "report/output_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "load/input_error.hpp"

namespace meshgraph::report {

void write_output(const std::string& path, std::string_view content) {
  if (path.empty() || path == "-") {
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
    return;
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    throw load::InputError(path, fmt::format("cannot write the report: folder '{}' does not exist",
                                             folder.generic_string()),
                           "create the folder first, or choose another --output path");
  }
  // /dev/null, a pipe or a terminal cannot be replaced by a rename: write to it directly.
  const fs::file_status status = fs::status(target, error);
  if (!error && fs::exists(status) && !fs::is_regular_file(status)) {
    std::FILE* device = std::fopen(path.c_str(), "wb");
    if (device == nullptr) {
      throw load::InputError(path, fmt::format("cannot write the report: {}", std::strerror(errno)),
                             "choose another --output path");
    }
    std::fwrite(content.data(), 1, content.size(), device);
    std::fclose(device);
    return;
  }
  const std::string temporary = fmt::format("{}.tmp.{}", path, ::getpid());
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) {
    throw load::InputError(path, fmt::format("cannot write the report: {}", std::strerror(errno)),
                           "check that the folder is writable");
  }
  const bool written = std::fwrite(content.data(), 1, content.size(), file) == content.size();
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed || std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    std::remove(temporary.c_str());
    throw load::InputError(path, fmt::format("cannot write the report: {}", std::strerror(saved)),
                           "check the free space and that the path is writable");
  }
}

}  // namespace meshgraph::report
