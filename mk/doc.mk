# The man page: every long option of --help is documented and it renders.
.PHONY: test-doc
test: test-doc
test-doc: $(CLI)
	@sh tests/doc/check-man.sh $(CLI)
