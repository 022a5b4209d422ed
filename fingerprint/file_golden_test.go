package fingerprint

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// fileGoldenDir holds a small index written by this version of the format and damaged copies
// of it: the format's regression test and the fuzz targets' seeds.
const fileGoldenDir = "testdata/index"

// fileUpdateEnv, set to 1, rewrites the files in fileGoldenDir.
const fileUpdateEnv = "LEITMOTIF_UPDATE_TESTDATA"

// fileGoldenFiles returns the seed files' contents by name: a valid index, then damaged ones.
func fileGoldenFiles(t testing.TB) (map[string][]byte, *fileRef) {
	valid, ref := fileSmallIndex(t, 5, 30, 200)
	le := binary.LittleEndian
	h := fileHeaderMin + int(le.Uint32(valid[68:]))
	damaged := bytes.Clone(valid)
	damaged[len(damaged)-20] ^= 0x40 // in the directory
	future := bytes.Clone(valid)
	le.PutUint32(future[8:], fileVersion+1)
	fileFixChecksums(future)
	forged := bytes.Clone(valid)
	le.PutUint32(forged[h+8:], 1<<30) // a track's path length, checksums fixed
	fileFixChecksums(forged)
	return map[string][]byte{
		"valid.lmx":     valid,
		"truncated.lmx": valid[:len(valid)/2],
		"damaged.lmx":   damaged,
		"future.lmx":    future,
		"forged.lmx":    forged,
	}, ref
}

// TestFileGolden checks that this program writes the committed index byte for byte (the
// format has not changed by accident) and reads it, and that the damaged copies are refused.
func TestFileGolden(t *testing.T) {
	files, ref := fileGoldenFiles(t)
	if os.Getenv(fileUpdateEnv) == "1" {
		if err := os.MkdirAll(fileGoldenDir, 0o777); err != nil {
			t.Fatal(err)
		}
		for name, b := range files {
			if err := os.WriteFile(filepath.Join(fileGoldenDir, name), b, 0o666); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, b := range files {
		path := filepath.Join(fileGoldenDir, name)
		committed, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (%s=1 writes it)", err, fileUpdateEnv)
		}
		if !bytes.Equal(committed, b) {
			t.Errorf("%s differs from what this program writes: the format changed (bump fileVersion; %s=1 rewrites it)", path, fileUpdateEnv)
		}
		f, err := openFileLimit(path, false, 0)
		if name == "valid.lmx" {
			if err != nil {
				t.Fatal(err)
			}
			fileCheck(t, f, ref, []byte("params"))
			f.Close()
			continue
		}
		if err == nil {
			f.Close()
			t.Errorf("%s opened", path)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
}
