#!/usr/bin/env bash
# Rebuilds src/Knowledge/Analysis/english-words.txt, the words the typo correction never
# "corrects": SCOWL's size-50 lists as Debian packages them (wamerican, wbritish), lower-case
# ASCII words of four letters or more, sorted by byte. Needs a Debian machine with apt
# sources; the packages are downloaded, not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/Knowledge/Analysis/english-words.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && apt-get download wamerican wbritish >/dev/null 2>&1)
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
version=$(dpkg-deb -f "$(ls "$work"/wamerican_*.deb)" Version)

{
  echo "# English words that are spelled right, so the typo correction leaves them as they are"
  echo "# (\"visa\" is not \"via\", \"impossible\" is not \"possible\"). Made by scripts/english-words.sh"
  echo "# from SCOWL's size-50 American and British lists as Debian's wamerican and wbritish"
  echo "# packages ship them (version $version): lower-case ASCII words of four letters or more."
  echo "#"
  sed -n '/^Copyright: (extracted from the SCOWL README file):/,/^  "as is"/p; /^  "as is"/q' \
    "$work/root/usr/share/doc/wamerican/copyright" | sed -n '/Copyright 2000/,$p' | sed 's/^/# /; s/ *$//'
  echo "#"
  echo "# The full notice, with the copyrights of the lists SCOWL draws on, is in those packages'"
  echo "# copyright files."
  cat "$work/root/usr/share/dict/american-english" "$work/root/usr/share/dict/british-english" \
    | grep -E '^[a-z]{4,}$' | LC_ALL=C sort -u
} > "$out"
echo "$(grep -vc '^#' "$out") words written to $out"
