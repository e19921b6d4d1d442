#!/usr/bin/env bash
# Measures the golden path's wall times on this machine: pack, scaffold, and restore + build of gp-rag with a
# warm and (with --cold) a cold NuGet cache. Prints one line per step and a Markdown table.
#   build/measure.sh [--cold]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cold=false
[[ "${1:-}" == "--cold" ]] && cold=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for sentinel in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo "<Project />" > "$work/$sentinel"; done
version="0.0.1-measure.$(date +%s)"

seconds() { awk -v s="$1" -v e="$(date +%s%N)" 'BEGIN { printf "%.1f", (e - s) / 1e9 }'; }
declare -a rows
step() { # label, command...
  local label="$1"; shift
  local start; start=$(date +%s%N)
  "$@" >"$work/step.log" 2>&1 || { cat "$work/step.log" >&2; echo "$label failed" >&2; exit 1; }
  local took; took=$(seconds "$start")
  printf '%-40s %6s s\n' "$label" "$took"
  rows+=("| $label | $took s |")
}

step "pack (Release, all packages)" bash "$root/build/pack.sh" --output "$work/feed" --version "$version"
step "install into a private hive" dotnet new install "$work/feed/GoldenPath.Templates.$version.nupkg" --debug:custom-hive "$work/hive"
step "scaffold gp-rag" dotnet new gp-rag -n Contoso.HrBot -o "$work/warm" --feed "$work/feed" --skip-restore --debug:custom-hive "$work/hive"
step "restore + build gp-rag (warm cache)" dotnet build "$work/warm/Contoso.HrBot.slnx" -nodeReuse:false
start=$(date +%s%N)
dotnet new gp-rag -n Contoso.HrBot -o "$work/total" --feed "$work/feed" --skip-restore --debug:custom-hive "$work/hive" >/dev/null
dotnet build "$work/total/Contoso.HrBot.slnx" -nodeReuse:false >"$work/step.log" 2>&1
took=$(seconds "$start"); printf '%-40s %6s s\n' "scaffold + restore + build (warm cache)" "$took"; rows+=("| scaffold + restore + build (warm cache) | $took s |")
if [[ "$cold" == true ]]; then
  dotnet new gp-rag -n Contoso.HrBot -o "$work/cold" --feed "$work/feed" --skip-restore --debug:custom-hive "$work/hive" >/dev/null
  step "restore + build gp-rag (cold cache)" env NUGET_PACKAGES="$work/cold-cache" dotnet build "$work/cold/Contoso.HrBot.slnx" -nodeReuse:false
fi
# Leave no stale measurement packages in the shared cache.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/goldenpath.*/"$version"

echo
echo "| step | wall time |"
echo "|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), dotnet $(dotnet --version)"
