// A small work queue over the files; threads take the next file until none is left.
#include "load/parallel_reader.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <mutex>
#include <thread>

#include "load/manifest_reader.hpp"

namespace meshgraph::load {

std::vector<Manifest> read_manifests(const std::vector<std::string>& paths, Detail detail) {
  std::vector<std::optional<Manifest>> manifests(paths.size());
  std::vector<std::exception_ptr> errors(paths.size());
  std::atomic<std::size_t> next{0};
  // Parses take turns; reading the nodes out of a parsed document does not. While one thread
  // parses (file, structural index, tape and strings in memory at once), the others read
  // nodes from their documents (tape and strings only), so the threads' largest moments do not
  // coincide: on 20 files of 20 MB that is about 30 MB less at the peak. The parse is less
  // than half of a file's time, so the turns cost little wall time.
  std::mutex parse_turn;
  auto work = [&] {
    ManifestReader reader(parse_turn, detail);  // one per thread: its buffers are reused from file to file
    for (std::size_t i = next++; i < paths.size(); i = next++) {
      try {
        manifests[i] = reader.read(paths[i]);
      } catch (...) {
        errors[i] = std::current_exception();  // rethrown below, in input order
      }
    }
  };
  const std::size_t thread_count =
      std::min<std::size_t>(paths.size(), std::max(1U, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < thread_count; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  std::vector<Manifest> loaded;
  loaded.reserve(manifests.size());
  for (std::optional<Manifest>& manifest : manifests) loaded.push_back(std::move(*manifest));
  return loaded;
}

}  // namespace meshgraph::load
