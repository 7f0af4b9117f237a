#!/usr/bin/env bash
# Plays a recording through the real window and a real sound server, and checks what came out.
# Xvfb, a private PulseAudio with a null sink (ALSA's pulse plugin routes javax.sound's "default"
# device there), the app on the speech task, a click on the Listen panel's ▶ Play, the sink's
# monitor recorded with parec, and its cross-correlation with the recording's own samples
# (the first one, 0_george_0.wav). Then again with the sound server stopped: the panel must say
# so, and the app must keep running after a click on Play.
#   docs/playback-check.sh java -jar target/rnn-lab.jar
#   docs/playback-check.sh target/dist/rnn-lab/bin/rnn-lab
# Needs (Debian): xvfb xdotool imagemagick tesseract-ocr pulseaudio pulseaudio-utils
# libasound2-plugins python3-numpy. Screenshots go to $OUT (default /tmp/rnnlab-playback).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-/tmp/rnnlab-playback}
mkdir -p "$out"
wav=src/main/resources/org/rnnlab/task/speech/waveforms/0_george_0.wav
n=90
while [ -e /tmp/.X$n-lock ] || [ -e /tmp/.X11-unix/X$n ]; do n=$((n + 1)); done
export DISPLAY=:$n
Xvfb "$DISPLAY" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export XDG_RUNTIME_DIR
XDG_RUNTIME_DIR=$(mktemp -d)
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null
  pactl exit 2>/dev/null || true
  kill "$xvfb" 2>/dev/null
  rm -rf "$XDG_RUNTIME_DIR"
}
trap cleanup EXIT
for ((w = 0; w < 100; w++)); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

# Waits until the screen's text (OCR) matches $1, for at most $2 seconds; prints the TSV of the last look.
await_text() {
  for ((w = 0; w < $2; w++)); do
    import -window root "$out/screen.png"
    tesseract "$out/screen.png" "$out/screen" tsv >/dev/null 2>&1
    if grep -q -E "$1" <(cut -f12 "$out/screen.tsv" | tr '\n' ' '); then return 0; fi
    sleep 1
  done
  echo "not on screen after $2 s: $1" >&2
  return 1
}
# Clicks the Listen panel's Play: the "Play" word below the "Recording" label.
click_play() {
  read -r x y < <(awk -F'\t' '$12 == "Recording" {ry = $8} $12 == "Play" && ry && $8 > ry {print $7 + $9 / 2, $8 + $10 / 2; exit}' \
    "$out/screen.tsv")
  [ -n "${x:-}" ] || { echo "no Play button below Recording on screen" >&2; return 1; }
  xdotool mousemove "${x%.*}" "${y%.*}" click 1
}
launch() {
  "$@" --task speech >"$out/app.log" 2>&1 &
  app=$!
  until xdotool search --onlyvisible --name '^RNN Lab$' >/dev/null 2>&1; do
    kill -0 "$app" 2>/dev/null || { echo "the app exited before its window was mapped" >&2; exit 1; }
    sleep 0.2
  done
}

echo "== with a sound device (PulseAudio null sink)"
pulseaudio -n --daemonize=yes --exit-idle-time=-1 --load=module-native-protocol-unix \
  --load="module-null-sink sink_name=rnnlab_check rate=8000 channels=1 format=s16le" 2>/dev/null
# recording from before the app starts: a monitor first read later resumes late and misses the first play
parec -d rnnlab_check.monitor --format=s16le --rate=8000 --channels=1 --raw --latency-msec=20 "$out/played.raw" &
rec=$!
launch "$@"
await_text "the model says" 90
sleep 1
import -window root "$out/screen.png"
tesseract "$out/screen.png" "$out/screen" tsv >/dev/null 2>&1
click_play
sleep 3
kill -INT $rec; wait $rec || true
import -window root "$out/after-play.png"
python3 - "$wav" "$out/played.raw" <<'EOF'
import sys, wave
import numpy as np
w = wave.open(sys.argv[1])
assert w.getframerate() == 8000 and w.getsampwidth() == 2 and w.getnchannels() == 1, "the check expects 8 kHz 16-bit mono"
ref = np.frombuffer(w.readframes(w.getnframes()), dtype='<i2').astype(float)
raw = open(sys.argv[2], 'rb').read()
got = np.frombuffer(raw[:len(raw) // 2 * 2], dtype='<i2').astype(float)
loud = int(np.sum(np.abs(got) > 200))
# normalised cross-correlation at every lag (the sink plays at the recording's rate: no resampling)
n = len(got) + len(ref)
xc = np.fft.irfft(np.fft.rfft(got, 2 * n) * np.conj(np.fft.rfft(ref, 2 * n)), 2 * n)[:len(got) - len(ref) + 1]
energy = np.convolve(got * got, np.ones(len(ref)), 'valid')
ncc = xc / np.sqrt(np.maximum(energy, 1e-9) * np.sum(ref * ref))
lag = int(np.argmax(ncc))
same = int(np.sum(got[lag:lag + len(ref)] == ref))
print(f"recorded {len(got) / 8000:.2f} s, {loud / 8000:.2f} s of it above the noise floor; the recording is "
      f"{len(ref) / 8000:.2f} s ({len(ref)} samples): cross-correlation {ncc[lag]:.4f} at {lag / 8000:.2f} s, "
      f"{same} of its samples arrived bit for bit")
sys.exit(0 if ncc[lag] > 0.95 else 1)
EOF
kill "$app"; wait "$app" 2>/dev/null || true; app=""

echo "== without a sound device (the sound server stopped)"
pactl exit
sleep 1
launch "$@"
await_text "the model says" 90
sleep 2
import -window root "$out/screen.png"
tesseract "$out/screen.png" "$out/screen" tsv >/dev/null 2>&1
click_play || true
sleep 2
await_text "sound device" 10
import -window root "$out/no-device.png"
kill -0 "$app" || { echo "the app died after Play without a sound device" >&2; exit 1; }
echo "the panel says: $(awk -F'\t' '$12 != "" && $8 > 760 && $7 < 260 {printf "%s ", $12}' "$out/screen.tsv")"
echo "the app is still running; screenshots in $out"
