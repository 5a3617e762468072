# deps.sh: the packages Plainly needs on Debian 12 or Ubuntu 24.04, and
# the step that installs the missing ones. Sourced by build-aux/run and
# build-aux/test, so the list lives in one place.
#
# SPDX-License-Identifier: GPL-3.0-or-later

# To build
PL_BUILD_PACKAGES=(
  gcc
  libc6-dev
  meson
  ninja-build
  pkg-config
  gettext
  libglib2.0-dev
  libglib2.0-bin
  libgtk-4-dev
  libadwaita-1-dev
  libsqlite3-dev
  libjson-glib-dev
  libsodium-dev
  libespeak-ng-dev
  libfontconfig-dev
  libcairo2-dev
  libpango1.0-dev
  libpulse-dev
  libpcaudio-dev
  libsndfile1-dev
  liblouis-dev
  zlib1g-dev  # talking books: the EPUB's ZIP container (deflate, CRC-32)
)

# To run: icons are SVG, and text needs at least one font
PL_RUN_PACKAGES=(
  librsvg2-common
  fonts-dejavu-core
  fonts-noto-core  # letters DejaVu lacks: Urdu's (Nastaliq) and Panjabi's (Gurmukhi)
  espeak-ng
  liblouis-data  # braille tables: en-ueb-g1/g2, cy-cy-g1/g2, en-us-brf.dis
)

# To test: data file checks, a display and a session bus for the GUI tests,
# and the AT-SPI stack that screen readers use
PL_TEST_PACKAGES=(
  desktop-file-utils
  appstream
  python3
  xvfb
  xauth
  dbus
  dbus-x11
  at-spi2-core
  python3-gi
  gir1.2-atspi-2.0
  gir1.2-gtk-4.0
  sox
  epubcheck  # the talking book tests: every EPUB checked as reading apps expect
  poppler-utils  # pdftotext, pdffonts, pdfinfo: the PDF tests (bench-print also uses LibreOffice, not installed here: too large)
  # The screen reader itself, for test-orca.py: Orca speaks through
  # speech-dispatcher and espeak-ng, and xdotool presses its keys
  orca
  speech-dispatcher
  speech-dispatcher-espeak-ng
  xdotool
)

# The FHIR export test checks bundles with the npm package "fhir", which
# it installs into the build folder the first time; npm comes with nodejs
# from other sources (NodeSource), and from its own Debian package
PL_TEST_PACKAGES+=(nodejs)
if ! command -v npm >/dev/null 2>&1; then
  PL_TEST_PACKAGES+=(npm)
fi

# A private sound server with a null sink, for the speaker tests and
# bench-highlight; not where PipeWire serves the desktop's sound, as
# installing PulseAudio beside it could take the desktop's sound over (the
# speaker tests are then skipped, and say so)
if [ "$(dpkg-query -W -f='${db:Status-Status}' pipewire-pulse 2>/dev/null || true)" != installed ]; then
  PL_TEST_PACKAGES+=(pulseaudio)
fi

pl_say ()
{
  printf '%s\n' "$*" >&2
}

# Prints the packages of "$@" that are not installed, one a line
pl_missing_packages ()
{
  local pkg status
  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    if [ "$status" != "installed" ]; then
      printf '%s\n' "$pkg"
    fi
  done
}

# Installs whatever of "$@" is missing: directly as root, through sudo
# otherwise. Refreshes the package lists once, and only when something is
# missing.
pl_install_packages ()
{
  local missing=() as_root=() pkg

  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    pl_say "This is not a Debian or Ubuntu system, so the build dependencies cannot be"
    pl_say "installed for you. You need: $*"
    return 0
  fi

  while IFS= read -r pkg; do
    [ -n "$pkg" ] && missing+=("$pkg")
  done < <(pl_missing_packages "$@")

  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi

  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      pl_say "These packages are missing: ${missing[*]}"
      pl_say "Please install them as root:  apt-get install ${missing[*]}"
      return 1
    fi
    as_root=(sudo)
  fi

  pl_say "Installing the missing packages: ${missing[*]}"
  # Waits for another apt or dpkg to finish rather than failing at once
  local apt_opts=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" -q update >&2 || {
    pl_say "Could not refresh the package lists (apt-get update failed)."
    return 1
  }
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" -q -y install "${missing[@]}" >&2 || {
    pl_say "Could not install: ${missing[*]}"
    return 1
  }
}

pl_install_deps ()
{
  if [ -n "${PL_SKIP_DEPS:-}" ]; then
    return 0
  fi
  pl_install_packages "${PL_BUILD_PACKAGES[@]}" "${PL_RUN_PACKAGES[@]}" "${PL_TEST_PACKAGES[@]}"
}

# Configures the build directory $1 with the meson setup arguments that
# follow, or reconfigures it when it was set up before, then builds it.
pl_configure_and_build ()
{
  local builddir=$1
  shift

  if [ -f "$builddir/build.ninja" ] && [ $# -eq 0 ]; then
    : # ninja reruns meson by itself when a meson.build changes
  elif [ -f "$builddir/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$builddir" "$@" || return 1
  else
    meson setup "$builddir" "$@" || return 1
  fi
  ninja -C "$builddir" || return 1
}
