#!/usr/bin/env bash
# compare.sh: solve the seatbench instances with package solver and with the
# LEMON anchors (NetworkSimplex block search, NetworkSimplex candidate list,
# CostScaling) in one run, and print a markdown table of in-process solve
# times with the ratio of ours to the fastest LEMON algorithm.
#
# Usage: bench/compare.sh BENCHDIR [SIZES]
#   BENCHDIR  a built copy of ../shared/bench (./build.sh done, instances in
#             BENCHDIR/instances/<size>.json and .min; see BENCHMARKS.md)
#   SIZES     default "india x10 x100 large"
# Environment: REPS (default 5; 1 for large), SKIP_NS_LARGE=1 (default) skips
# lemon-ns and lemon-ns-cand on large (over 90 s each).
#
# Every time is the median of REPS runs in one process, excluding file
# reading. The objective check: our micro objective (sum of round(1e6 w)
# over the chosen pairs) must equal -cost of lemon-cs; "verify" is
# solver.Verify on our certificate.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${1:?usage: compare.sh BENCHDIR [SIZES]}
BENCH=$(cd "$BENCH" && pwd)
SIZES=${2:-"india x10 x100 large"}
REPS=${REPS:-5}
SKIP_NS_LARGE=${SKIP_NS_LARGE:-1}
MCF=$BENCH/bin/mcf
SB=$(mktemp -d)/solvebench
trap 'rm -rf "$(dirname "$SB")"' EXIT
(cd "$ROOT" && go build -o "$SB" ./bench/solvebench)

kv() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p" | head -1; }

echo "| instance | lemon-ns | lemon-ns-cand | lemon-cs | alliance | ratio to fastest LEMON | objective (micro) | same as LEMON | verify | augmentations |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for size in $SIZES; do
  inst=$BENCH/instances/$size
  reps=$REPS
  [ "$size" = large ] && reps=1
  cs=$("$MCF" -a cs -r "$reps" "$inst.min" | grep '^RESULT')
  ns="skipped"; nsc="skipped"
  if [ "$size" != large ] || [ "$SKIP_NS_LARGE" != 1 ]; then
    ns=$("$MCF" -a ns -r "$reps" "$inst.min" | grep '^RESULT')
    nsc=$("$MCF" -a ns -pivot candidate -r "$reps" "$inst.min" | grep '^RESULT')
  fi
  cost=$(kv cost "$cs")
  ours=$("$SB" -r "$reps" -anchor "$cost" "$inst.json")
  echo "$cs" >&2; echo "$ns" >&2; echo "$nsc" >&2; echo "$ours" >&2
  t_cs=$(kv solve_s "$cs"); t_ns=$(kv solve_s "$ns"); t_nsc=$(kv solve_s "$nsc"); t_us=$(kv solve_s "$ours")
  best=$(printf '%s\n' "$t_cs" "$t_ns" "$t_nsc" | grep -E '^[0-9.]+$' | sort -g | head -1)
  ratio=$(awk -v a="$t_us" -v b="$best" 'BEGIN { printf "%.2f", a / b }')
  same=no; [ "$(kv check "$ours")" = ok ] && same=yes
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$size" \
    "${t_ns:-skipped}" "${t_nsc:-skipped}" "$t_cs" "$t_us" "$ratio" "$(kv micro "$ours")" "$same" "$(kv verify "$ours")" "$(kv augmentations "$ours")"
done
