#!/usr/bin/env bash
# curl-call.sh BASE_URL API_NAME DATA_JSON N WARMUP [TIMEOUT_SEC]
#
# The floor for bench/call-latency.ps1: the raw Gradio /call protocol done by curl.
#   POST {BASE_URL}/gradio_api/call/API_NAME  {"data": DATA_JSON}  ->  {"event_id": ...}
#   GET  {BASE_URL}/gradio_api/call/API_NAME/EVENT_ID                ->  SSE until "complete"
# Prints one line per measured call: "<ms> <last data line>", the ms being the POST's and the
# GET's own transfer times (curl's %{time_total}) plus the gap between them. curl's process
# start-up (about 20 ms each here) is kept out: the GET's curl is started *before* the POST
# and waits for its URL on a FIFO (-K -), so the GET goes out as soon as the POST answers
# (starting it after the POST would give the app that start-up time to finish the job
# unseen and make the floor look lower than it is). Also prints "spawn <ms>": the wall time
# of one whole call including both curl processes, for reference.
set -euo pipefail
base=${1%/}; api=$2; data=$3; n=$4; warmup=$5; timeout=${6:-60}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fifo=$tmp/url; mkfifo "$fifo"
now_us() { local t=$EPOCHREALTIME; echo $(( ${t%.*} * 1000000 + 10#${t#*.} )); }

for ((i = 1; i <= warmup + n; i++)); do
  wall0=$(now_us)
  curl -sN --max-time "$timeout" -K - -w '\n%{time_total}' -o "$tmp/sse" <"$fifo" >"$tmp/get.time" &
  get_pid=$!
  exec 3>"$fifo"
  post=$(curl -s --max-time "$timeout" -w '\n%{time_total}' -H 'Content-Type: application/json' \
    -d "{\"data\": $data}" "$base/gradio_api/call/$api")
  t_post_done=$(now_us)
  if [[ $post =~ \"event_id\":\ *\"([^\"]+)\" ]]; then id=${BASH_REMATCH[1]}; else
    echo "no event_id in: $post" >&2; exec 3>&-; wait "$get_pid" || true; exit 1; fi
  echo "url = \"$base/gradio_api/call/$api/$id\"" >&3
  exec 3>&-
  t_get_sent=$(now_us)
  wait "$get_pid"
  wall1=$(now_us)
  post_s=${post##*$'\n'}
  get_s=$(tail -n 1 "$tmp/get.time")
  last=$(grep '^data:' "$tmp/sse" | tail -n 1 || true)
  ms=$(awk -v a="$post_s" -v b="$get_s" -v gap="$((t_get_sent - t_post_done))" 'BEGIN { printf "%.3f", (a + b) * 1000 + gap / 1000 }')
  if ((i > warmup)); then
    echo "$ms $last"
    echo "spawn $(awk -v w="$((wall1 - wall0))" 'BEGIN { printf "%.3f", w / 1000 }')"
  fi
done
