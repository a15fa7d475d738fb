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
# Environment: REPS (default 11; 1 for large), SKIP_NS_LARGE=1 (default)
# skips lemon-ns and lemon-ns-cand on large (over 90 s each).
#
# Our solver runs with GOMAXPROCS=1, single-threaded like LEMON (the Go
# garbage collector then runs on the same thread). Every time is the median
# of REPS runs in one process, excluding file reading, with the fastest run in parentheses; the ratio compares medians
# and, in parentheses, fastest runs. The objective check: our micro objective (sum of round(1e6 w)
# over the chosen pairs) must equal -cost of lemon-cs; "verify" is
# solver.Verify on our certificate.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${1:?usage: compare.sh BENCHDIR [SIZES]}
BENCH=$(cd "$BENCH" && pwd)
SIZES=${2:-"india x10 x100 large"}
REPS=${REPS:-11}
SKIP_NS_LARGE=${SKIP_NS_LARGE:-1}
LOAD0=$(cut -d" " -f1-3 /proc/loadavg)
MCF=$BENCH/bin/mcf
SB=$(mktemp -d)/solvebench
trap 'rm -rf "$(dirname "$SB")"' EXIT
(cd "$ROOT" && go build -o "$SB" ./bench/solvebench)

kv() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p" | head -1; }
# best RESULTLINE: the fastest of the runs=[...] list
best() { kv runs "$1" | tr -d '[]' | tr ',' '\n' | grep -E '^[0-9.]+$' | sort -g | head -1; }
# cell RESULTLINE: "median (best)" of the solve times, or "skipped"
cell() { if [ "$1" = skipped ]; then echo skipped; else echo "$(kv solve_s "$1") ($(best "$1"))"; fi; }

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
  ours=$(GOMAXPROCS=1 "$SB" -r "$reps" -anchor "$cost" "$inst.json")
  echo "$cs" >&2; echo "$ns" >&2; echo "$nsc" >&2; echo "$ours" >&2
  t_cs=$(kv solve_s "$cs"); t_ns=$(kv solve_s "$ns"); t_nsc=$(kv solve_s "$nsc"); t_us=$(kv solve_s "$ours")
  fastest=$(printf '%s\n' "$t_cs" "$t_ns" "$t_nsc" | grep -E '^[0-9.]+$' | sort -g | head -1)
  b_us=$(best "$ours")
  b_lemon=$(for r in "$cs" "$ns" "$nsc"; do [ "$r" = skipped ] || best "$r"; done | sort -g | head -1)
  ratio=$(awk -v a="$t_us" -v b="$fastest" -v c="$b_us" -v d="$b_lemon" 'BEGIN { printf "%.2f (%.2f)", a / b, c / d }')
  same=no; [ "$(kv check "$ours")" = ok ] && same=yes
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$size" \
    "$(cell "$ns")" "$(cell "$nsc")" "$(cell "$cs")" "$(cell "$ours")" "$ratio" "$(kv micro "$ours")" "$same" "$(kv verify "$ours")" "$(kv augmentations "$ours")"
done
echo
echo "Load average before / after the run: $LOAD0 / $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores."
