#!/usr/bin/env bash
# Installs chDB's libchdb.so (ClickHouse's in-process engine) from the npm registry, pinned and checked by sha256.
# Node is not needed at run time: npm only fetches the tarball. Skips the download when the library is already
# present with the expected hash.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package="@chdb/lib-linux-x64-gnu"
version="${CHDB_NPM_VERSION:-26.7.3-stable.1}"
expected_sha256="${CHDB_SHA256:-36ad4e999882821ef13cf2d0f52c93f48e6ee1b4498b35a201c23ce4b8d15bf5}"
target_dir="${TRAIL_HOME:-$repo_root/.trail}/native"
target="$target_dir/libchdb.so"

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

if [[ -f "$target" && "$(sha_of "$target")" == "$expected_sha256" ]]; then
  echo "fetch-chdb: $target already present (sha256 ok)"
  exit 0
fi

if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  echo "fetch-chdb: only linux x86_64 is set up (this is $(uname -s)-$(uname -m)); other builds exist as sibling npm packages" >&2
  exit 1
fi
command -v npm >/dev/null || { echo "fetch-chdb: npm is required to fetch $package (apt-get install npm)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch-chdb: npm pack $package@$version"
(cd "$work" && npm pack --silent --cache "$work/npm-cache" "$package@$version" >/dev/null)
tarball="$(ls "$work"/*.tgz)"
tar -xzf "$tarball" -C "$work" package/libchdb.so

actual="$(sha_of "$work/package/libchdb.so")"
if [[ "$actual" != "$expected_sha256" ]]; then
  echo "fetch-chdb: sha256 mismatch for $package@$version libchdb.so: expected $expected_sha256, got $actual; not installed" >&2
  exit 1
fi

mkdir -p "$target_dir"
# Move into place atomically so a reader never sees a half-written library.
mv "$work/package/libchdb.so" "$target.partial"
mv "$target.partial" "$target"
echo "fetch-chdb: installed $target"
