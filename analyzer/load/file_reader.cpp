// Reads input files whole, refusing directories, FIFOs and oversized files with clear errors.
#include "load/file_reader.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>

#include "load/input_error.hpp"
#include "load/huge_pages.hpp"

namespace meshgraph::load {

namespace {

/// A manifest this large is not a manifest anyone writes; refusing it beats an OOM kill.
constexpr std::uint64_t kMaxFileBytes = std::uint64_t{4} << 30;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

[[noreturn]] void fail_errno(const std::string& path, int error, std::string_view missing_help) {
  if (error == ENOENT) {
    throw InputError(path, "cannot read the file: it does not exist", std::string(missing_help));
  }
  if (error == ELOOP) {
    throw InputError(path, "cannot read the file: too many levels of symbolic links",
                     "fix the symbolic link loop, or give the real path");
  }
  throw InputError(path, fmt::format("cannot read the file: {}", std::strerror(error)),
                   "check the file's permissions and that the path is a regular file");
}

}  // namespace

char* FileBuffer::resize(std::size_t size) {
  const std::size_t needed = size + simdjson::SIMDJSON_PADDING;
  if (needed > capacity_) {
    data_.reset(new char[needed]);
    capacity_ = needed;
    advise_huge_pages(data_.get(), needed);
  }
  size_ = size;
  std::memset(data_.get() + size, 0, simdjson::SIMDJSON_PADDING);
  return data_.get();
}

namespace {

/// Opens `path` after checking what it is; returns its size.
std::size_t checked_size(const std::string& path, std::string_view missing_help) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) fail_errno(path, errno, missing_help);
  if (S_ISDIR(info.st_mode)) {
    throw InputError(path, "expected a manifest.json file, found a directory",
                     "give the file, or the dbt project folder that holds target/manifest.json");
  }
  if (!S_ISREG(info.st_mode)) {
    throw InputError(path, "expected a regular file (not a pipe, socket or device)",
                     "write the manifest to a file first, then give its path");
  }
  // simdjson reads documents of at most 4 GiB - 1 byte.
  if (static_cast<std::uint64_t>(info.st_size) >= kMaxFileBytes) {
    throw InputError(path,
                     fmt::format("the file is {} MiB; meshgraph reads manifests smaller than {} MiB",
                                 info.st_size >> 20, kMaxFileBytes >> 20),
                     "check that this is a dbt manifest.json");
  }
  return static_cast<std::size_t>(info.st_size);
}

template <typename Allocate>
void read_whole(const std::string& path, std::string_view missing_help, Allocate&& allocate) {
  const std::size_t size = checked_size(path, missing_help);
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) fail_errno(path, errno, missing_help);
  char* data = nullptr;
  try {
    data = allocate(size);
  } catch (const std::bad_alloc&) {
    fail_out_of_memory(path, size);
  }
  if (size > 0 && std::fread(data, 1, size, file.get()) != size) fail_errno(path, errno, missing_help);
}

}  // namespace

void fail_out_of_memory(const std::string& path, std::size_t size) {
  throw InputError(path, fmt::format("the file is {} MiB; there is not enough memory to read it", size >> 20),
                   "free memory, or raise the limit on it (ulimit -v, the container's memory limit)");
}

simdjson::padded_string read_padded_file(const std::string& path, std::string_view missing_help) {
  simdjson::padded_string buffer;
  read_whole(path, missing_help, [&](std::size_t size) {
    buffer = simdjson::padded_string(size);
    if (buffer.data() == nullptr) throw std::bad_alloc();  // simdjson allocates with nothrow
    return buffer.data();
  });
  return buffer;
}

void read_file_into(const std::string& path, FileBuffer& buffer, std::string_view missing_help) {
  read_whole(path, missing_help, [&](std::size_t size) { return buffer.resize(size); });
}

std::string path_file_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string project_folder_of(std::string_view manifest_path) {
  constexpr std::string_view kSuffix = "target/manifest.json";
  if (manifest_path == kSuffix) return ".";
  if (!manifest_path.ends_with(kSuffix)) return "";
  std::string_view folder = manifest_path.substr(0, manifest_path.size() - kSuffix.size());
  if (!folder.ends_with('/')) return "";
  folder.remove_suffix(1);
  return std::string(folder.empty() ? "/" : folder);
}

}  // namespace meshgraph::load
