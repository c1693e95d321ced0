#include "load/huge_pages.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace meshgraph::load {

namespace {

/// madvise(advice) on the whole pages inside [data, data + bytes): madvise wants a page-aligned
/// start, and a partial page at either end may hold someone else's bytes (malloc's header).
/// The advice is best effort: an error leaves the memory as it was, which is correct.
void advise_whole_pages(const void* data, std::size_t bytes, int advice) noexcept {
  if (data == nullptr) return;
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + page - 1) / page * page;
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) / page * page;
  if (end <= begin) return;
  (void)::madvise(reinterpret_cast<void*>(begin), end - begin, advice);
}

}  // namespace

void advise_huge_pages(const void* data, std::size_t bytes) noexcept {
#ifdef MADV_HUGEPAGE
  // Below one huge page there is nothing to gain.
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  if (bytes >= kHugePage) advise_whole_pages(data, bytes, MADV_HUGEPAGE);
#endif
}

void release_memory(void* data, std::size_t bytes) noexcept { advise_whole_pages(data, bytes, MADV_DONTNEED); }

}  // namespace meshgraph::load
