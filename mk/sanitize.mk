# The test suite under sanitizers and valgrind, each in its own build folder.
# The C layers (unit, pathological, threads, fuzz replay, CLI) run in all;
# Lua and editor layers load the module into a foreign interpreter, so they
# run in the plain build only.
SAN_ASAN  := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_UBSAN := -fsanitize=undefined -fno-sanitize-recover=all
SAN_TSAN  := -fsanitize=thread
C_TEST_LAYERS ?= test-unit test-fuzz-replay $(if $(wildcard tests/cli/run.sh),test-cli)
VALGRIND  := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect

.PHONY: asan ubsan tsan valgrind helgrind sanitize
asan:
	$(MAKE) BUILD=build-asan SAN="$(SAN_ASAN)" ASAN_OPTIONS=detect_leaks=1 $(C_TEST_LAYERS)
ubsan:
	$(MAKE) BUILD=build-ubsan SAN="$(SAN_UBSAN)" $(C_TEST_LAYERS)
# Only the thread tests: TSan is about data races, between handles
# (test_threads) and between the two threads of one call (test_parallel).
THREAD_TESTS := test_threads test_parallel
tsan:
	$(MAKE) BUILD=build-tsan SAN="$(SAN_TSAN)" $(THREAD_TESTS:%=build-tsan/tests/%)
	set -e; for t in $(THREAD_TESTS); do build-tsan/tests/$$t; done
# PRECIS_TEST_SCALE shrinks the pathological inputs: valgrind is ~50x slower.
valgrind:
	$(MAKE) BUILD=build-valgrind OPT="-O1 -g" PRECIS_TEST_SCALE=20 TEST_WRAPPER="$(VALGRIND)" test-unit test-fuzz-replay
helgrind:
	$(MAKE) BUILD=build-valgrind OPT="-O1 -g" $(THREAD_TESTS:%=build-valgrind/tests/%)
	set -e; for t in $(THREAD_TESTS); do \
	  valgrind -q --tool=helgrind --error-exitcode=99 build-valgrind/tests/$$t; done
sanitize: asan ubsan tsan valgrind
