//go:build windows

package fingerprint

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"syscall"
)

// fileShareAll lets others read, write, and rename or delete a file we hold open: without
// FILE_SHARE_DELETE (which os.Open does not ask for) Windows refuses to rename a new index
// over one a File still reads.
const fileShareAll = syscall.FILE_SHARE_READ | syscall.FILE_SHARE_WRITE | syscall.FILE_SHARE_DELETE

// openShared opens an index for reading, letting a later Add replace it.
func openShared(path string) (*os.File, error) {
	return createFile(path, syscall.GENERIC_READ, syscall.OPEN_EXISTING, "open")
}

// createTemp creates a new file beside path to write a new index in.
func createTemp(path string) (*os.File, error) {
	for range 100 {
		name := fmt.Sprintf("%s.tmp-%016x", path, rand.Uint64())
		f, err := createFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, syscall.CREATE_NEW, "create")
		if !errors.Is(err, os.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("%s: cannot find a free temporary name", path)
}

func createFile(name string, access, disposition uint32, op string) (*os.File, error) {
	p, err := syscall.UTF16PtrFromString(name)
	if err != nil {
		return nil, &os.PathError{Op: op, Path: name, Err: err}
	}
	h, err := syscall.CreateFile(p, access, fileShareAll, nil, disposition, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, &os.PathError{Op: op, Path: name, Err: err}
	}
	return os.NewFile(uintptr(h), name), nil
}

// keepMode does nothing: Windows files have no Unix permissions to keep.
func keepMode(f *os.File, mode os.FileMode) error { return nil }

// syncDir does nothing: Windows cannot open a directory to sync it (NTFS journals the
// rename itself).
func syncDir(dir string) error { return nil }
