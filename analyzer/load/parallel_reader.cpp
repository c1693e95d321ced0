// A small work queue over the files; threads take the next file until none is left.
#include "load/parallel_reader.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <thread>

#include "load/manifest_reader.hpp"

namespace meshgraph::load {

std::vector<Manifest> read_manifests(const std::vector<std::string>& paths) {
  std::vector<std::optional<Manifest>> manifests(paths.size());
  std::vector<std::exception_ptr> errors(paths.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    ManifestReader reader;  // one per thread: its buffers are reused from file to file
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
