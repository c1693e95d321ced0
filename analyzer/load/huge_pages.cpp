#include "load/huge_pages.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace meshgraph::load {

void advise_huge_pages(const void* data, std::size_t bytes) noexcept {
  // Below one huge page there is nothing to gain.
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  if (data == nullptr || bytes < kHugePage) return;
#ifdef MADV_HUGEPAGE
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + page - 1) / page * page;
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) / page * page;
  if (end <= begin) return;
  // The advice is a hint: an error (THP compiled out, a kernel that refuses) leaves the
  // buffer on ordinary pages, which is correct, only slower.
  (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

void release_memory(void* data, std::size_t bytes) noexcept {
  if (data == nullptr) return;
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + page - 1) / page * page;
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) / page * page;
  if (end <= begin) return;
  (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
}

}  // namespace meshgraph::load
