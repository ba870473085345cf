# CLI tests: tests/cli/run.sh drives the built precis (help and exit codes,
# bad inputs, closed pipes, -j ordering, JSON Lines, GNU parallel, --merge on
# the seeds when $(SHARED) is there).
.PHONY: test-cli
test: test-cli
test-cli: $(CLI)
	PRECIS=$(CLI) SHARED=$(SHARED) bash tests/cli/run.sh
