package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// fetch makes sure the package's .deb is in the cache with the pinned SHA-256, downloading
// it with apt-get when it is missing, and returns its path.
func fetch(p debPackage, cache string) (string, error) {
	name := filepath.Join(cache, p.deb())
	if _, err := os.Stat(name); errors.Is(err, os.ErrNotExist) {
		logf("fetching %s=%s (%.0f MB)", p.Name, p.Version, float64(p.Size)/1e6)
		cmd := exec.Command("apt-get", "download", "-q", p.Name+"="+p.Version)
		cmd.Dir = cache
		out, err := cmd.CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("apt-get download %s=%s: %v\n%s\n(run apt-get update first; if the pinned version has left the archive, put %s with SHA-256 %s in %s)",
				p.Name, p.Version, err, bytes.TrimSpace(out), p.deb(), p.SHA256, cache)
		}
	}
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != p.SHA256 {
		return "", fmt.Errorf("%s: SHA-256 %s, want %s (pinned for %s %s): delete the file to fetch it again",
			name, got, p.SHA256, p.Name, p.Version)
	}
	return name, nil
}

// extract unpacks the package's members that the set needs (its listed recordings, its
// copyright file and licence files) into dir/PKG_VERSION, through dpkg-deb --fsys-tarfile:
// the same archive dpkg-deb -x unpacks, without writing hundreds of megabytes of game art.
// A stamp file marks a complete extraction, which is then reused.
func extract(p debPackage, deb, dir string) (string, error) {
	root := filepath.Join(dir, p.Name+"_"+p.Version)
	stamp := filepath.Join(root, ".complete")
	if _, err := os.Stat(stamp); err == nil {
		return root, nil
	}
	if err := os.RemoveAll(root); err != nil {
		return "", err
	}
	want := map[string]bool{copyrightPath(p.Name): true}
	for _, f := range licenceFiles[p.Name] {
		want[f] = true
	}
	for _, r := range recordings {
		if r.Pkg == p.Name {
			want[r.Path] = true
		}
	}
	cmd := exec.Command("dpkg-deb", "--fsys-tarfile", deb)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("dpkg-deb: %w", err)
	}
	tr := tar.NewReader(bufio.NewReaderSize(out, 1<<20))
	found := 0
	for {
		hd, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			cmd.Wait()
			return "", fmt.Errorf("%s: %w", deb, err)
		}
		name := strings.TrimPrefix(hd.Name, "./")
		if !want[name] || hd.Typeflag != tar.TypeReg {
			continue
		}
		dst := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			cmd.Wait()
			return "", err
		}
		f, err := os.Create(dst)
		if err == nil {
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			cmd.Wait()
			return "", err
		}
		found++
	}
	if err := cmd.Wait(); err != nil {
		return "", fmt.Errorf("dpkg-deb --fsys-tarfile %s: %v: %s", deb, err, bytes.TrimSpace(stderr.Bytes()))
	}
	if found != len(want) {
		var missing []string
		for n := range want {
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(n))); err != nil {
				missing = append(missing, n)
			}
		}
		return "", fmt.Errorf("%s: not in the package: %s", deb, strings.Join(missing, ", "))
	}
	return root, os.WriteFile(stamp, nil, 0o644)
}

// licence reads the Debian copyright file (machine-readable format) and returns the licence
// of its "Files: *" paragraph, which covers the music in all five packages (no paragraph
// names a music file), and its copyright holders' first line.
func licence(copyright []byte) (lic, holder string) {
	for _, para := range strings.Split(string(copyright), "\n\n") {
		lines := strings.Split(para, "\n")
		isAll := false
		for i, l := range lines {
			switch {
			case strings.HasPrefix(l, "Files:") && strings.TrimSpace(strings.TrimPrefix(l, "Files:")) == "*":
				isAll = true
			case isAll && strings.HasPrefix(l, "License:") && lic == "":
				lic = strings.TrimSpace(strings.TrimPrefix(l, "License:"))
			case isAll && strings.HasPrefix(l, "Copyright:") && holder == "":
				holder = strings.TrimSpace(strings.TrimPrefix(l, "Copyright:"))
				if holder == "" && i+1 < len(lines) {
					holder = strings.TrimSpace(lines[i+1])
				}
			}
		}
		if isAll {
			break
		}
	}
	return lic, holder
}
