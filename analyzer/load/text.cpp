#include "load/text.hpp"

#include <algorithm>
#include <cstring>

#include "load/huge_pages.hpp"

namespace meshgraph::load {

namespace {

// Blocks grow from 64 KiB (a small manifest) to 4 MiB (a large one holds about 20 MB of text
// meshgraph keeps): few allocations either way. Text longer than a quarter block gets a block
// of its own, so a long description does not waste the rest of one.
constexpr std::size_t kFirstBlock = std::size_t{64} << 10;
constexpr std::size_t kLargestBlock = std::size_t{4} << 20;

}  // namespace

char* TextStore::reserve(std::size_t size) {
  if (size <= left_) {
    char* at = next_;
    next_ += size;
    left_ -= size;
    return at;
  }
  const std::size_t block_size =
      blocks_.empty() ? kFirstBlock : std::min(kLargestBlock, std::max(kFirstBlock, capacity_ / 2));
  if (size > block_size / 4) {
    // Its own block; the current one stays open for the next small text.
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    capacity_ += size;
    return blocks_.back().get();
  }
  blocks_.push_back(std::make_unique_for_overwrite<char[]>(block_size));
  capacity_ += block_size;
  advise_huge_pages(blocks_.back().get(), block_size);
  next_ = blocks_.back().get() + size;
  left_ = block_size - size;
  return blocks_.back().get();
}

Text TextStore::store(std::string_view text) {
  if (text.empty()) return Text();
  char* data = reserve(text.size());
  std::memcpy(data, text.data(), text.size());
  return Text(std::string_view(data, text.size()));
}

Text TextStore::intern(std::string_view text) {
  if (text.empty()) return Text();
  if (const auto found = interned_.find(text); found != interned_.end()) return Text(*found);
  const Text stored = store(text);
  interned_.insert(stored);
  return stored;
}

void TextStore::adopt(TextStore& other) {
  blocks_.reserve(blocks_.size() + other.blocks_.size());
  for (std::unique_ptr<char[]>& block : other.blocks_) blocks_.push_back(std::move(block));
  capacity_ += other.capacity_;
  other.blocks_.clear();
  other.interned_.clear();
  other.next_ = nullptr;
  other.left_ = 0;
  other.capacity_ = 0;
}

}  // namespace meshgraph::load
