#pragma once
// Large buffers that are about to be written for the first time (a 30 MB file being read, a
// didOpen being received) ask for transparent huge pages: on the virtual machines kflint runs on
// in CI, faulting in 4 KiB pages one by one costs ~3 ms per MB written (~100 ms for a 30 MB file),
// 2 MiB pages about a tenth of that. Advice only: without transparent huge pages nothing changes.

#include <cstddef>

namespace kflint {

// For the whole pages inside [data, data + size); buffers under 4 MiB are left alone.
void prefer_huge_pages(char* data, size_t size);

}  // namespace kflint
