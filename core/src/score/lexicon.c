/* The lexicon: the word lists of lexicon_words.h as the const table
 * lexicon_table.h, generated from them (`make lexicon-table`), so that a
 * handle starts without hashing a word. */
#include "score/lexicon.h"

#include <string.h>

#include "score/lexicon_table.h"

int pc_lexicon_init(pc_lexicon *lex, const pc_alloc *mem) {
  (void)mem;
  lex->bucket = pc_lex_table_bucket;
  lex->words = pc_lex_table_words;
  lex->n_words = PC_LEX_TABLE_WORDS;
  memcpy(lex->promo_pairs, pc_lex_table_promo_pairs, sizeof lex->promo_pairs);
  lex->key_by = PC_LEX_TABLE_KEY_by;
  lex->key_per = PC_LEX_TABLE_KEY_per;
  lex->key_getty = PC_LEX_TABLE_KEY_getty;
  lex->key_images = PC_LEX_TABLE_KEY_images;
  return 0;
}

void pc_lexicon_free(pc_lexicon *lex) {
  lex->bucket = NULL;
  lex->words = NULL;
}
