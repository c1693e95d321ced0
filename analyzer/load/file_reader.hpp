// Reads input files whole, with errors that say what is wrong with the path.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace meshgraph::load {

/// Reads `path` into a buffer padded for simdjson. Throws InputError for a missing file, a
/// directory, a file that cannot be read, or one larger than meshgraph accepts.
/// `missing_help` is the next step offered when the file does not exist.
simdjson::padded_string read_padded_file(
    const std::string& path,
    std::string_view missing_help = "check the path, or run 'dbt parse' in the project to write target/manifest.json");

/// A buffer for one file at a time, padded for simdjson, that keeps its memory for the next
/// file: reading file after file into one buffer spares the page faults of a fresh one each time.
class FileBuffer {
 public:
  simdjson::padded_string_view view() const {
    return simdjson::padded_string_view(data_.get(), size_, capacity_);
  }
  std::size_t size() const { return size_; }
  /// Makes room for `size` bytes plus simdjson's padding (zeroed), and sets the size.
  char* resize(std::size_t size);

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;  ///< bytes that may be read, padding included
};

/// Reads `path` into `buffer`, with the checks and errors of read_padded_file.
void read_file_into(const std::string& path, FileBuffer& buffer,
                    std::string_view missing_help = "check the path, or run 'dbt parse' in the project to write target/manifest.json");

/// The error for a file of `size` bytes that there is not enough memory to read.
[[noreturn]] void fail_out_of_memory(const std::string& path, std::size_t size);

/// The last component of a path, for messages: "run_results.json".
std::string path_file_name(std::string_view path);

/// The dbt project folder of `<folder>/target/manifest.json` ("" when the path has another shape).
std::string project_folder_of(std::string_view manifest_path);

}  // namespace meshgraph::load
