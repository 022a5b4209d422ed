#!/bin/sh
# Executes leitmotif.ipynb headless and fails if any cell fails (nbconvert stops at the first
# error and exits non-zero). The executed copy goes to a temporary directory, so the committed
# notebook stays free of outputs.
#
# Needs Go, Jupyter's nbconvert with a Python 3 kernel, and matplotlib; on Debian/Ubuntu:
#   apt-get install jupyter-nbconvert python3-ipykernel python3-matplotlib
# Set MOTIF to a motif binary to skip the build.
set -eu
# Quiets the kernel debugger's notice about frozen modules, which is not an error.
export PYDEVD_DISABLE_FILE_VALIDATION=1
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
	--output-dir "$tmp" leitmotif.ipynb
echo "notebook ok"
