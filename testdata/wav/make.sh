#!/bin/sh
# Regenerates the WAV fixtures in this directory with SoX (tested with SoX v14.4.2).
# Every file holds the same 0.5 s signal: an A major chord (A4 + C#5 + E5) with each note's
# second harmonic, peak -6 dBFS, short fades. The files differ only in how it is stored, so a
# decoder must turn each of them into (nearly) the same mono samples as ref16.wav.
# -D disables dither: the files then differ from the master by rounding alone.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
master="$tmp/master.wav"
sox -D -n -r 44100 -c 1 -e floating-point -b 32 "$master" \
	synth 0.5 sine 440 sine mix 554.37 sine mix 659.26 sine mix 880 sine mix 1108.73 sine mix 1318.51 \
	gain -n -6 fade t 0.01 0.5 0.05

sox -D "$master" -b 16 -e signed-integer ref16.wav              # reference: 16-bit PCM, WAVE_FORMAT_PCM
sox -D "$master" -b 8 -e unsigned-integer pcm8.wav             # 8-bit: unsigned samples
sox -D "$master" -b 24 -e signed-integer pcm24.wav              # SoX writes EXTENSIBLE for > 16 bits
sox -D "$master" -b 32 -e signed-integer pcm32.wav              # EXTENSIBLE, PCM SubFormat
sox -D "$master" -b 32 -e floating-point float32.wav            # IEEE float, with a fact chunk
sox -D "$master" -b 64 -e floating-point float64.wav            # IEEE float 64
# Channels with different gains whose average is 1: the mono mix must equal the reference.
sox -D "$master" -b 16 -e signed-integer stereo16.wav remix 1v0.5 1v1.5
sox -D "$master" -b 16 -e signed-integer six16.wav remix 1v0.5 1v1.5 1v1 1v0.25 1v1.75 1v1
sox -D "$master" -b 16 -e signed-integer rate48k.wav rate -v 48000
sox -D "$master" -b 16 -e signed-integer rate8k.wav rate -v 8000

# Broken files (bad/): decoders must report these, never panic.
mkdir -p bad
head -c 20000 ref16.wav >bad/truncated.wav                       # data chunk claims 44100 bytes
sox -D "$master" -e ms-adpcm bad/adpcm.wav trim 0 0.05          # compressed codec 0x0002
{ printf 'RIFX'; tail -c +5 ref16.wav | head -c 996; } >bad/rifx.wav
printf 'Hello, I am not a WAV file at all.\n' >bad/text.wav
head -c 36 ref16.wav >bad/nodata.wav                             # RIFF header and fmt chunk only
# A LIST chunk claiming 0x7FFFFFFF bytes right after fmt.
{ head -c 36 ref16.wav; printf 'LIST\377\377\377\177'; tail -c +37 ref16.wav | head -c 200; } >bad/hugechunk.wav
