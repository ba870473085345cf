# `make lexicon-table`: regenerates core/src/score/lexicon_table.h (the word
# lists as const data) from core/src/score/lexicon_words.h. The unit tests
# fail when the checked-in table and the lists disagree.
$(BUILD)/tools/gen_lexicon: tools/lexicon/gen_lexicon.c core/src/score/lexicon_words.h $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(LIB_A) $(DEPS_LIBS)

.PHONY: lexicon-table
lexicon-table: $(BUILD)/tools/gen_lexicon
	$(BUILD)/tools/gen_lexicon > core/src/score/lexicon_table.h.tmp
	mv core/src/score/lexicon_table.h.tmp core/src/score/lexicon_table.h
