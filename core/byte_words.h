#pragma once
// Eight bytes at a time: the scans over a whole text (encoding, forbidden characters, YAML 1.1
// line breaks, JSON strings) skip words of plain ASCII with these tests instead of looking at each
// byte. Each test is exact for the word as a whole (which byte matched is not told).

#include <cstdint>
#include <cstring>

namespace kflint::words {

inline constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;

// The eight bytes at p (unaligned).
inline uint64_t load(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
// Whether a byte has its high bit set (is not ASCII).
inline bool any_non_ascii(uint64_t w) { return (w & kHigh) != 0; }
// Whether a byte is below n (1 <= n <= 0x80): the subtraction borrows only from such a byte.
inline bool any_below(uint64_t w, uint8_t n) { return ((w - kOnes * n) & ~w & kHigh) != 0; }
// Whether a byte is n or above (1 <= n <= 0x80); non-ASCII bytes always are.
inline bool any_at_least(uint64_t w, uint8_t n) { return (((w + kOnes * (0x80u - n)) | w) & kHigh) != 0; }

}  // namespace kflint::words
