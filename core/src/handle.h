/* The engine handle behind the opaque `precis` type. */
#ifndef PRECIS_HANDLE_H
#define PRECIS_HANDLE_H

#include "precis.h"
#include "base/mem.h"
#include "score/lexicon.h"

/* Room for one error message; longer messages are cut. */
#define PC_ERRMSG_CAP 512

struct precis {
  pc_alloc mem;
  precis_allocator allocator_copy;
  precis_options opts;
  char errmsg[PC_ERRMSG_CAP];
  pc_lexicon lex; /* points at the const word tables (lexicon_table.h) */
};

#endif
