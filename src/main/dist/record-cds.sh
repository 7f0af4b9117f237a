#!/usr/bin/env bash
# Records the app image's class-data archive (AppCDS) from a short scripted run of the window:
#   record-cds.sh IMAGE_JAVA IMAGE_APP_DIR MAIN_CLASS
# Under Xvfb when it is installed, so that the classes of the real toolkit (GTK glass, the
# rendering pipeline) are in the archive as well; otherwise headless (Monocle), which needs no
# display and leaves those few classes to be read from the jar at start.
set -euo pipefail
java=$1; app=$2; main=$3
opts=(-XX:ArchiveClassesAtExit="$app/rnn-lab.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
      --add-modules=jdk.incubator.vector -cp "$app/rnn-lab.jar")
headless() {
  "$java" "${opts[@]}" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
    "$main" --play --exit-after 3
}
if ! command -v Xvfb >/dev/null 2>&1; then
  echo "record-cds: no Xvfb, recording headless"
  headless
  exit 0
fi
n=110
while [ -e /tmp/.X$n-lock ] || [ -e /tmp/.X11-unix/X$n ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
for ((w = 0; w < 100; w++)); do [ -e /tmp/.X11-unix/X$n ] && break; sleep 0.1; done
if [ -e /tmp/.X11-unix/X$n ] && DISPLAY=":$n" "$java" "${opts[@]}" "$main" --play --exit-after 3; then
  echo "record-cds: recorded under Xvfb :$n"
else
  echo "record-cds: the run under Xvfb failed, recording headless"
  rm -f "$app/rnn-lab.jsa"
  headless
fi
