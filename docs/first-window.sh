#!/usr/bin/env bash
# Times the start of the window under Xvfb: from the launch to the first mapped window titled
# "RNN Lab" (polled every 10 ms with xdotool), and the first frame with the scenario as
# --frame-stats reports it (after the start of the JVM that draws it). N runs, then the medians.
#   docs/first-window.sh 3 target/dist/rnn-lab/bin/rnn-lab
#   docs/first-window.sh 3 java -jar target/rnn-lab.jar
# Needs xvfb and xdotool (Debian: apt-get install xvfb xdotool).
set -euo pipefail
runs=$1; shift
n=90
while [ -e /tmp/.X$n-lock ] || [ -e /tmp/.X11-unix/X$n ]; do n=$((n + 1)); done
display=:$n
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
export DISPLAY=$display
for ((w = 0; w < 100; w++)); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getdisplaygeometry >/dev/null 2>&1 || { echo "Xvfb did not start on $display" >&2; exit 1; }
out=$(mktemp)
maps=(); frames=()
for ((i = 1; i <= runs; i++)); do
  t0=$(date +%s%N)
  "$@" --frame-stats --exit-after 3 >"$out" 2>/dev/null &
  app=$!
  until xdotool search --onlyvisible --name '^RNN Lab$' >/dev/null 2>&1; do
    sleep 0.01
    kill -0 $app 2>/dev/null || { echo "the app exited before its window was mapped" >&2; exit 1; }
  done
  t1=$(date +%s%N)
  wait $app
  map=$(( (t1 - t0) / 1000000 ))
  frame=$(sed -n 's/^first frame with the scenario \([0-9]*\) ms.*/\1/p' "$out")
  echo "run $i: window mapped after $map ms; first frame with the scenario $frame ms after its JVM started"
  maps+=("$map"); frames+=("$frame")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "median of $runs: window mapped $(median "${maps[@]}") ms, first frame $(median "${frames[@]}") ms (load average $(cut -d' ' -f1-3 /proc/loadavg))"
rm -f "$out"
