#!/usr/bin/env bash
# Trains the prompt-injection model from training/injection/corpus/*.jsonl and writes the resource embedded in
# GoldenPath.Guardrails. Prints cross-validated (train split) and held-out figures. Deterministic: the same corpus
# always gives the same bytes, which the training tests check against the committed model.
#   build/train-guardrails.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

dotnet run --project tools/GoldenPath.Guardrails.Training/GoldenPath.Guardrails.Training.csproj -c Release -- \
  --corpus training/injection/corpus \
  --output src/GoldenPath.Guardrails/Rails/Injection/Model/injection-model.bin
