#!/usr/bin/env bash
# Installs what building and testing need, only what is missing (idempotent). Debian 12, run as root
# (or with sudo available). Everything comes from Debian's packages.
set -euo pipefail

packages=(cmake ninja-build g++ make pkg-config python3 libeigen3-dev nlohmann-json3-dev catch2)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present"
fi
