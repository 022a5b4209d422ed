#!/bin/sh
# Regenerates the compressed-format fixtures in this directory with SoX (tested with SoX
# v14.4.2 with libsox-fmt-all: LAME for MP3, libvorbis, libFLAC) and opusenc (opus-tools).
#
# - trailer.*: the bundled trailer theme (../examples/trailer.wav, 11025 Hz mono, 35.7 s) as
#   FLAC (lossless: the same samples), MP3 at 64 kb/s (22050 Hz: MPEG-2 Layer III) and 32 kb/s
#   (44100 Hz: MPEG-1) and Ogg Vorbis at quality 4 and 0. Compared with
#   ../examples/ballad.wav they must give the WAV's result. (go-mp3 v0.3.4 mis-decodes LAME's
#   32 kb/s MPEG-2 stream at 22050 Hz: its samples correlate at 0.08 with SoX's decoding of the
#   same file, where 40-64 kb/s decode to within rounding; see internal/audio's doc.)
# - tone.*: the 0.5 s A major chord of ../wav/ref16.wav in each format: seeds for the fuzz
#   targets and the format tests.
# - unsupported/: valid streams the decoders refuse with an UnsupportedError (MPEG 2.5 MP3,
#   Ogg Opus); bad/: broken streams they must refuse with a FormatError, never a panic.
set -eu
cd "$(dirname "$0")"
src=../examples/trailer.wav
tone=../wav/ref16.wav
sox -D "$src" -C 5 trailer.flac
sox -D "$src" -r 22050 -C 64 trailer-64k.mp3
sox -D "$src" -r 44100 -C 32 trailer-32k.mp3
sox -D "$src" -C 4 trailer-q4.ogg
sox -D "$src" -C 0 trailer-q0.ogg

sox -D "$tone" tone.flac
sox -D "$tone" -r 44100 -C 128 tone.mp3
sox -D "$tone" -C 3 tone.ogg
sox -D "$tone" -b 24 -c 2 tone-stereo24.flac remix 1v0.5 1v1.5

mkdir -p unsupported bad
sox -D "$tone" -r 8000 -C 32 unsupported/mpeg25.mp3       # 8 kHz MP3 is MPEG 2.5
opusenc --quiet "$tone" unsupported/tone.opus             # Ogg, but Opus
head -c 3000 tone.flac >bad/truncated.flac
head -c 2000 tone.mp3 >bad/truncated.mp3
head -c 3000 tone.ogg >bad/truncated.ogg
head -c 60 tone.flac >bad/header-only.flac
# The same streams with a run of bytes overwritten in the middle.
for f in tone.flac tone.mp3 tone.ogg; do
	n=$(wc -c <"$f")
	{ head -c $((n / 2)) "$f"; head -c 200 /dev/zero | tr '\0' '\377'; tail -c +$((n / 2 + 201)) "$f"; } >"bad/corrupt.${f#tone.}"
done
