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

namespace {

[[noreturn]] void fail_write(const std::string& path, std::string_view option, int error) {
  throw load::InputError(path, fmt::format("cannot write {}: {}", option, std::strerror(error)),
                         fmt::format("check that the folder is writable, or give {} another path", option));
}

/// Writes through the path as it is: for devices, pipes and symbolic links (/dev/stdout), which
/// a rename would replace instead of writing to.
void write_in_place(const std::string& path, std::string_view option, std::string_view content) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) fail_write(path, option, errno);
  const bool written = std::fwrite(content.data(), 1, content.size(), file) == content.size();
  if (std::fclose(file) != 0 || !written) fail_write(path, option, errno);
}

}  // namespace

void check_output_path(const std::string& path, std::string_view option) {
  if (path.empty() || path == "-") return;
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    throw load::InputError(path, fmt::format("cannot write {}: folder '{}' does not exist", option,
                                             folder.generic_string()),
                           fmt::format("create the folder first, or give {} another path", option));
  }
  if (fs::is_directory(fs::symlink_status(target, error))) {
    throw load::InputError(path, fmt::format("cannot write {}: it is a folder", option),
                           fmt::format("give {} a file path", option));
  }
}

void write_output(const std::string& path, std::string_view content, std::string_view option) {
  if (path.empty() || path == "-") {
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
    return;
  }
  check_output_path(path, option);
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status link_status = fs::symlink_status(path, error);
  if (!error && fs::exists(link_status) && !fs::is_regular_file(link_status)) {
    write_in_place(path, option, content);
    return;
  }
  // A regular file is replaced atomically: an interrupted run never leaves half a report.
  const std::string temporary = fmt::format("{}.tmp.{}", path, ::getpid());
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) fail_write(path, option, errno);
  const bool written = std::fwrite(content.data(), 1, content.size(), file) == content.size();
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed || std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    std::remove(temporary.c_str());
    fail_write(path, option, saved);
  }
}

}  // namespace meshgraph::report
