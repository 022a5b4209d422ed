//go:build !windows

package fingerprint

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"syscall"
)

// openShared opens an index for reading.
func openShared(path string) (*os.File, error) { return os.Open(path) }

// createTemp creates a new file beside path to write a new index in (with the permissions
// a new file gets, 0666 less the umask).
func createTemp(path string) (*os.File, error) {
	for range 100 {
		name := fmt.Sprintf("%s.tmp-%016x", path, rand.Uint64())
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, os.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("%s: cannot find a free temporary name", path)
}

// keepMode gives the new index the old one's permissions.
func keepMode(f *os.File, mode os.FileMode) error { return f.Chmod(mode.Perm()) }

// syncDir makes a rename in dir durable. A file system that cannot sync a directory
// (EINVAL) is not an error: it has nothing more to do.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, errors.ErrUnsupported) {
		err = nil
	}
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
