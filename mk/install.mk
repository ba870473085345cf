# make install / uninstall, honouring PREFIX and DESTDIR.
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
INCLUDEDIR ?= $(PREFIX)/include
LIBDIR     ?= $(PREFIX)/lib
MANDIR     ?= $(PREFIX)/share/man
PCDIR      ?= $(LIBDIR)/pkgconfig
LUA_INSTALL_PKG ?= lua5.4
LUA_CMOD   ?= $(PREFIX)/lib/lua/5.4
VIMPACK    ?= $(HOME)/.vim/pack/precis/start
INSTALL    ?= install

PC_FILE := $(BUILD)/precis.pc

$(PC_FILE): mk/install.mk
	@mkdir -p $(dir $@)
	@printf '%s\n' \
	  'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	  'Name: precis' \
	  'Description: offline extractive summaries with source positions' \
	  'Version: $(VERSION)' \
	  'Requires.private: libutf8proc libcjson' \
	  'Libs: -L$${libdir} -lprecis' \
	  'Libs.private: -lm -pthread' \
	  'Cflags: -I$${includedir}' > $@

.PHONY: install uninstall install-vim uninstall-vim
install: all $(PC_FILE)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR) \
	  $(DESTDIR)$(PCDIR) $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 755 $(CLI) $(DESTDIR)$(BINDIR)/precis
	$(INSTALL) -m 644 core/include/precis.h $(DESTDIR)$(INCLUDEDIR)/precis.h
	$(INSTALL) -m 644 $(LIB_A) $(DESTDIR)$(LIBDIR)/libprecis.a
	$(INSTALL) -m 755 $(LIB_SO).$(VERSION) $(DESTDIR)$(LIBDIR)/libprecis.so.$(VERSION)
	ln -sf libprecis.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libprecis.so.$(SOVERSION)
	ln -sf libprecis.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libprecis.so
	$(INSTALL) -m 644 $(PC_FILE) $(DESTDIR)$(PCDIR)/precis.pc
	$(INSTALL) -m 644 doc/precis.1 $(DESTDIR)$(MANDIR)/man1/precis.1
	@if [ -f $(BUILD)/lua/$(LUA_INSTALL_PKG)/precis.so ]; then \
	  $(INSTALL) -d $(DESTDIR)$(LUA_CMOD) && \
	  $(INSTALL) -m 755 $(BUILD)/lua/$(LUA_INSTALL_PKG)/precis.so $(DESTDIR)$(LUA_CMOD)/precis.so && \
	  echo "installed the Lua module into $(DESTDIR)$(LUA_CMOD)"; \
	else echo "no $(LUA_INSTALL_PKG) module built: Lua module not installed"; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/precis $(DESTDIR)$(INCLUDEDIR)/precis.h \
	  $(DESTDIR)$(LIBDIR)/libprecis.a $(DESTDIR)$(LIBDIR)/libprecis.so \
	  $(DESTDIR)$(LIBDIR)/libprecis.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libprecis.so.$(VERSION) \
	  $(DESTDIR)$(PCDIR)/precis.pc $(DESTDIR)$(MANDIR)/man1/precis.1 $(DESTDIR)$(LUA_CMOD)/precis.so

# The plugin as a Vim package: VIMPACK/precis holds plugins/vim and the CLI
# it falls back to is found on PATH.
install-vim:
	$(INSTALL) -d $(DESTDIR)$(VIMPACK)/precis
	cp -R plugins/vim/. $(DESTDIR)$(VIMPACK)/precis/
	@for pkg in $(notdir $(wildcard $(BUILD)/lua/*)); do \
	  $(INSTALL) -d $(DESTDIR)$(VIMPACK)/precis/lua/precis_native/$$pkg && \
	  $(INSTALL) -m 755 $(BUILD)/lua/$$pkg/precis.so $(DESTDIR)$(VIMPACK)/precis/lua/precis_native/$$pkg/precis.so; \
	done
uninstall-vim:
	rm -rf $(DESTDIR)$(VIMPACK)/precis

.PHONY: test-install
test: test-install
test-install: all
	@BUILD=$(BUILD) MAKE="$(MAKE)" sh tests/install/run.sh
