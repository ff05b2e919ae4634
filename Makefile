# rulecheck: build, install and package a release binary (Linux, x86_64).
#
#   make install [PREFIX=/usr/local] [DESTDIR=]   release binary, man pages, bash/zsh/fish completions
#   make uninstall [PREFIX=/usr/local]            removes exactly what install put there
#   make dist                                     dist/rulecheck-VERSION-linux-x86_64.tar.gz and a .deb,
#                                                 each with a .sha256 file
#   make check-version                            CHANGELOG.md has a section for VERSION or Unreleased
#
# The version comes from Sources/rulecheck/Version.swift (the one source of truth).

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift

VERSION := $(shell sed -n 's/^ *static let current = "\([^"]*\)"$$/\1/p' Sources/rulecheck/Version.swift)
ARCH := $(shell uname -m)
DEB_ARCH := $(shell dpkg --print-architecture 2>/dev/null || echo amd64)

BUILD_FLAGS := -c release --static-swift-stdlib
STAGE := .build/stage
BINARY := $(STAGE)/rulecheck
MANUALS := $(STAGE)/man
COMPLETIONS := $(STAGE)/completions

DIST_NAME := rulecheck-$(VERSION)-linux-$(ARCH)
TARBALL := dist/$(DIST_NAME).tar.gz
DEB := dist/rulecheck_$(VERSION)_$(DEB_ARCH).deb

# Paths under a prefix, shared by install, uninstall, the tarball and the .deb.
bindir = $(1)/bin
mandir = $(1)/share/man/man1
bashdir = $(1)/share/bash-completion/completions
zshdir = $(1)/share/zsh/site-functions
fishdir = $(1)/share/fish/vendor_completions.d

.PHONY: all build install uninstall dist check-version version clean-dist

all: build

version:
	@echo $(VERSION)

check-version:
	@test -n "$(VERSION)" || { echo "no version in Sources/rulecheck/Version.swift" >&2; exit 1; }
	@grep -Eq '^## \[($(subst .,\.,$(VERSION))|Unreleased)\]' CHANGELOG.md || \
		{ echo "CHANGELOG.md has no section for $(VERSION) or Unreleased" >&2; exit 1; }
	@echo "version $(VERSION): CHANGELOG.md has its section"

SOURCES := Package.swift $(shell find Sources -type f 2>/dev/null)

MANUAL_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date +%F)

# The man pages come from swift-argument-parser's generate-manual tool, the one its
# GenerateManual plugin runs (`swift package plugin generate-manual --multi-page` writes the same
# pages), run here directly on the static binary: the plugin would first rebuild the whole
# package in release mode without --static-swift-stdlib, a second full compile. The stage is
# moved into place last, so an interrupted stage is redone by the next make.
$(BINARY): $(SOURCES) CHANGELOG.md Makefile
	$(MAKE) --no-print-directory check-version
	rm -rf $(STAGE) $(STAGE).new
	mkdir -p $(STAGE).new/man $(STAGE).new/completions
	$(SWIFT) build $(BUILD_FLAGS) --product rulecheck
	$(SWIFT) build $(BUILD_FLAGS) --product generate-manual
	cp "$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/rulecheck" $(STAGE).new/rulecheck
	strip $(STAGE).new/rulecheck
	test "$$($(STAGE).new/rulecheck --version)" = "$(VERSION)"
	"$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/generate-manual" $(STAGE).new/rulecheck --multi-page \
		--date $(MANUAL_DATE) --authors "rulecheck contributors" --output-directory $(STAGE).new/man
	$(STAGE).new/rulecheck --generate-completion-script bash > $(STAGE).new/completions/rulecheck
	$(STAGE).new/rulecheck --generate-completion-script zsh > $(STAGE).new/completions/_rulecheck
	$(STAGE).new/rulecheck --generate-completion-script fish > $(STAGE).new/completions/rulecheck.fish
	mv $(STAGE).new $(STAGE)

build: $(BINARY)

# Copies the staged files under ROOT (a DESTDIR plus a prefix).
define install_tree
	install -d "$(call bindir,$(1))" "$(call mandir,$(1))" "$(call bashdir,$(1))" "$(call zshdir,$(1))" \
		"$(call fishdir,$(1))"
	install -m 755 $(BINARY) "$(call bindir,$(1))/rulecheck"
	install -m 644 $(MANUALS)/*.1 "$(call mandir,$(1))/"
	install -m 644 $(COMPLETIONS)/rulecheck "$(call bashdir,$(1))/rulecheck"
	install -m 644 $(COMPLETIONS)/_rulecheck "$(call zshdir,$(1))/_rulecheck"
	install -m 644 $(COMPLETIONS)/rulecheck.fish "$(call fishdir,$(1))/rulecheck.fish"
endef

install: $(BINARY)
	$(call install_tree,$(DESTDIR)$(PREFIX))

uninstall:
	rm -f "$(call bindir,$(DESTDIR)$(PREFIX))/rulecheck"
	rm -f "$(call mandir,$(DESTDIR)$(PREFIX))"/rulecheck.1 "$(call mandir,$(DESTDIR)$(PREFIX))"/rulecheck.*.1
	rm -f "$(call bashdir,$(DESTDIR)$(PREFIX))/rulecheck" "$(call zshdir,$(DESTDIR)$(PREFIX))/_rulecheck" \
		"$(call fishdir,$(DESTDIR)$(PREFIX))/rulecheck.fish"

dist: $(BINARY)
	rm -rf dist .build/dist
	mkdir -p dist .build/dist/$(DIST_NAME)
	$(call install_tree,.build/dist/$(DIST_NAME))
	cp README.md CHANGELOG.md LICENSE .build/dist/$(DIST_NAME)/
	tar -C .build/dist --owner=0 --group=0 --sort=name -czf $(TARBALL) $(DIST_NAME)
	bash scripts/build-deb.sh $(BINARY) $(VERSION) $(DEB_ARCH) $(DEB)
	cd dist && sha256sum $(notdir $(TARBALL)) > $(notdir $(TARBALL)).sha256
	cd dist && sha256sum $(notdir $(DEB)) > $(notdir $(DEB)).sha256
	@ls -l dist

clean-dist:
	rm -rf dist .build/dist .build/deb $(STAGE)
