#!/usr/bin/env bash
# Installs the Debian packages the server and its tests use, once: a second run
# finds them all present and installs nothing.
set -euo pipefail

packages=(
  espeak-ng        # Vietnamese text-to-speech (voices vi, vi-vn-x-central, vi-vn-x-south)
  ffmpeg           # decodes files and relayed streams, makes test media
  libopus0         # native Opus: Concentus loads libopus.so when it resolves
  libopus-dev      # provides the unversioned libopus.so symlink Concentus looks for
  chromium         # browser tests drive /usr/bin/chromium through Playwright
  sox              # test audio measurement
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

# The server build runs `npm ci` in WebClient/ (the SignalR browser client). Checked by command, not
# by package: Node.js from another source (e.g. NodeSource) ships npm inside its nodejs package.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "Installing system packages: ${missing[*]}"
sudo_prefix=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_prefix=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_prefix[@]}" apt-get update -q
"${sudo_prefix[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
