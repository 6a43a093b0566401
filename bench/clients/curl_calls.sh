#!/usr/bin/env bash
# curl_calls.sh BASE_URL API DATA_JSON COUNT IN_FLIGHT ROUNDS [WARMUP] [TIMEOUT_SEC]
# (WARMUP given as seconds, "Ns", is one call: each call is new processes, nothing warms up.)
#
# The floor for bench/compare.ps1: the raw Gradio /call protocol (POST, then GET of the event
# stream) done by curl, COUNT calls per round with IN_FLIGHT at once (xargs -P). Prints one line
# per round: "<wall ms of the round> <median ms of one call>". Process starts are included (two
# curl processes per call), unlike bench/clients/curl-call.sh, which keeps them out.
set -euo pipefail
base=${1%/}; api=$2; data=$3; count=$4; in_flight=$5; rounds=$6; warmup=${7:-1}; timeout=${8:-600}
[[ $warmup == *s ]] && warmup=1
export base api data timeout
one() {
  local t0=$EPOCHREALTIME post id
  post=$(curl -s --max-time "$timeout" -H 'Content-Type: application/json' -d "{\"data\": $data}" "$base/gradio_api/call/$api")
  [[ $post =~ \"event_id\":\ *\"([^\"]+)\" ]] || { echo "no event_id in: $post" >&2; return 1; }
  id=${BASH_REMATCH[1]}
  curl -sN --max-time "$timeout" "$base/gradio_api/call/$api/$id" >/dev/null
  awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }'
}
export -f one
for ((w = 0; w < warmup; w++)); do one >/dev/null; done
for ((r = 0; r < rounds; r++)); do
  t0=$EPOCHREALTIME
  times=$(seq "$count" | xargs -P "$in_flight" -I{} bash -c one | sort -n)
  wall=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", (b - a) * 1000 }')
  median=$(echo "$times" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  echo "$wall $median"
done
