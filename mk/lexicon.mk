# `make lexicon-table`: regenerates the word lists' const tables from the
# lists: core/src/score/lexicon_table.h from core/src/score/lexicon_words.h,
# and the attribution scan's core/src/sources/attribution_table.h (from
# core/src/sources/attribution_words.h) and core/src/sources/outlet_table.h
# (from the outlets of core/src/sources/outlets.c). The unit tests fail when
# a checked-in table and its lists disagree.
$(BUILD)/tools/gen_lexicon: tools/lexicon/gen_lexicon.c core/src/score/lexicon_words.h $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(LIB_A) $(LIB_LIBS)

$(BUILD)/tools/gen_attribution: tools/lexicon/gen_attribution.c tools/lexicon/attribution_build.h \
    core/src/sources/attribution_words.h core/src/sources/attribution_index.h $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(LIB_A) $(LIB_LIBS)

.PHONY: lexicon-table
lexicon-table: $(BUILD)/tools/gen_lexicon $(BUILD)/tools/gen_attribution
	$(BUILD)/tools/gen_lexicon > core/src/score/lexicon_table.h.tmp
	mv core/src/score/lexicon_table.h.tmp core/src/score/lexicon_table.h
	$(BUILD)/tools/gen_attribution outlets > core/src/sources/outlet_table.h.tmp
	mv core/src/sources/outlet_table.h.tmp core/src/sources/outlet_table.h
	$(BUILD)/tools/gen_attribution words > core/src/sources/attribution_table.h.tmp
	mv core/src/sources/attribution_table.h.tmp core/src/sources/attribution_table.h

# The check of the attribution tables builds them again from their sources.
$(BUILD)/tests/test_attribution_table: tools/lexicon/attribution_build.h \
    core/src/sources/attribution_words.h core/src/sources/attribution_index.h \
    core/src/sources/attribution_table.h core/src/sources/outlet_table.h
