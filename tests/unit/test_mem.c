/* Unit tests for base/mem: the default and custom allocators, buffer and
 * vector growth. */
#include <stdint.h>
#include <stdlib.h>

#include "harness.h"
#include "test_heap.h"
#include "base/mem.h"

/* Large enough for the huge-page path of the default allocator. */
#define BIG ((size_t)5 << 20)

static int all_bytes(const unsigned char *p, size_t n, unsigned char want) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != want) return 0;
  return 1;
}

TEST(default_calloc_is_zeroed_small_and_big) {
  pc_alloc a;
  pc_alloc_init(&a, NULL);
  for (size_t size = 1; size <= BIG; size *= 8) {
    unsigned char *p = pc_malloc(&a, size); /* dirties the heap a calloc may reuse */
    CHECK(p != NULL);
    if (p) memset(p, 0xAB, size);
    pc_free(&a, p);
    unsigned char *z = pc_calloc(&a, size, 1);
    CHECK(z != NULL);
    if (z) CHECK(all_bytes(z, size, 0));
    pc_free(&a, z);
  }
  CHECK(pc_calloc(&a, SIZE_MAX / 2, 4) == NULL);
  unsigned char *none = pc_calloc(&a, 0, 8);
  CHECK(none != NULL);
  pc_free(&a, none);
}

TEST(default_big_blocks_keep_their_bytes_through_realloc) {
  pc_alloc a;
  pc_alloc_init(&a, NULL);
  unsigned char *p = pc_realloc(&a, NULL, BIG);
  CHECK(p != NULL);
  if (!p) return;
  CHECK((uintptr_t)p % 16 == 0);
  for (size_t i = 0; i < BIG; i++) p[i] = (unsigned char)(i * 7);
  unsigned char *q = pc_realloc(&a, p, 3 * BIG);
  CHECK(q != NULL);
  if (!q) { pc_free(&a, p); return; }
  int same = 1;
  for (size_t i = 0; i < BIG; i++) same &= q[i] == (unsigned char)(i * 7);
  CHECK(same);
  q = pc_realloc(&a, q, 100);
  CHECK(q != NULL);
  if (q) CHECK(q[99] == (unsigned char)(99 * 7));
  pc_free(&a, q);
}

TEST(reserve_and_growth_double_the_capacity) {
  pc_alloc a;
  pc_alloc_init(&a, NULL);
  pc_vec v = {0};
  CHECK(pc_vec_reserve(&a, &v, sizeof(int), 1000) == 0);
  CHECK(v.cap == 1024);
  for (int i = 0; i < 1025; i++) {
    int *slot = PC_VEC_PUSH(&a, &v, int);
    CHECK(slot && *slot == 0);
    if (slot) *slot = i;
  }
  CHECK(v.len == 1025 && v.cap == 2048);
  CHECK(PC_VEC_AT(v, int, 1024) == 1024 && PC_VEC_AT(v, int, 0) == 0);
  pc_vec_free(&a, &v);

  pc_vec w = {0};
  CHECK(PC_VEC_PUSH(&a, &w, int) != NULL);
  CHECK(w.cap == 16);
  CHECK(pc_vec_reserve(&a, &w, sizeof(int), 16) == 0);
  CHECK(w.cap == 32);
  CHECK(pc_vec_reserve(&a, &w, SIZE_MAX / 2, 100) == -1);
  CHECK(pc_vec_reserve(&a, &w, 1, SIZE_MAX) == -1);
  CHECK(w.cap == 32 && w.len == 1);
  pc_vec_free(&a, &w);

  pc_buf b = {0};
  CHECK(pc_buf_reserve(&a, &b, BIG) == 0);
  CHECK(b.cap == (size_t)8 << 20 && b.data && b.data[0] == '\0');
  CHECK(pc_buf_append(&a, &b, "abc", 3) == 0);
  CHECK_STR(b.data, "abc");
  CHECK(pc_buf_reserve(&a, &b, SIZE_MAX) == -1);
  pc_buf_shrink(&a, &b);
  CHECK(b.cap == 4);
  CHECK_STR(b.data, "abc");
  pc_buf_free(&a, &b);
}

TEST(custom_allocator_gets_every_call_and_calloc_still_zeroes) {
  test_heap n = test_heap_unlimited(); /* counts calls, hands out dirty memory */
  precis_allocator custom = test_heap_allocator(&n);
  pc_alloc a;
  pc_alloc_init(&a, &custom);
  unsigned char *z = pc_calloc(&a, BIG, 1);
  CHECK(z != NULL);
  if (z) CHECK(all_bytes(z, BIG, 0));
  CHECK(n.calls == 1);
  pc_free(&a, z);
  pc_vec v = {0};
  CHECK(pc_vec_reserve(&a, &v, 1, BIG) == 0);
  pc_vec_free(&a, &v);
  CHECK(n.calls == 4);
}

int main(void) {
  RUN(default_calloc_is_zeroed_small_and_big);
  RUN(default_big_blocks_keep_their_bytes_through_realloc);
  RUN(reserve_and_growth_double_the_capacity);
  RUN(custom_allocator_gets_every_call_and_calloc_still_zeroes);
  return harness_done("mem");
}
