#!/usr/bin/env bash
# Packs every control package and the template pack, at one version, into a local folder feed.
#   build/pack.sh [--output DIR] [--version X.Y.Z[-suffix]]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$root/artifacts/packages"
version=""
while (($#)); do
  case "$1" in
    --output) output="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    *) echo "pack.sh: unknown argument '$1' (use --output DIR, --version X.Y.Z)" >&2; exit 2 ;;
  esac
done
args=(pack "$root/build/packages.slnx" -c Release -o "$output" -nodeReuse:false -v:minimal)
if [[ -n "$version" ]]; then args+=("-p:Version=$version"); fi
mkdir -p "$output"
dotnet "${args[@]}"
# A version already extracted in the NuGet cache would shadow the freshly packed one.
resolved="${version:-$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n1)}"
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
for id in goldenpath.aspnetcore goldenpath.cli goldenpath.fast goldenpath.guardrails goldenpath.retrieval goldenpath.templates; do
  rm -rf "${cache:?}/$id/$resolved"
done
echo "Packed $resolved into $output"
