// Package outfile writes designlint's output files (the report, the
// baseline) without following symbolic links. designlint often runs in a
// pull request's checkout and writes its report there; a symbolic link
// planted in the pull request under the report's name, or as a directory
// on its path, would otherwise send the report over any file the job can
// write.
package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Write writes data to path, creating or truncating a regular file. It
// refuses a path that is a symbolic link or anything but a regular file,
// and a path with a symbolic link among its directories below the working
// directory (those above it are the machine's, not the checkout's).
func Write(path string, data []byte) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Create opens path for writing as Write does, for output written as it
// is produced.
func Create(path string) (*os.File, error) {
	if err := checkPath(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|noFollow, 0o644)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return nil, fmt.Errorf("refusing to write %s: it is a symbolic link", path)
		}
		return nil, err
	}
	return f, nil
}

// checkPath refuses a path whose last element is anything but a regular
// file (a link, a named pipe that would block the write, a device), or
// that leads through a symbolic link below the working directory.
func checkPath(path string) error {
	if st, err := os.Lstat(path); err == nil {
		switch {
		case st.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("refusing to write %s: it is a symbolic link", path)
		case !st.Mode().IsRegular():
			return fmt.Errorf("refusing to write %s: it is not a regular file", path)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	dir := filepath.Dir(filepath.Clean(path))
	wd, err := os.Getwd()
	if err != nil {
		return nil
	}
	abs := dir
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(wd, dir)
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil
	}
	at := wd
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		at = filepath.Join(at, part)
		st, err := os.Lstat(at)
		if err != nil {
			return nil // created by nobody yet: the open fails
		}
		if st.Mode()&fs.ModeSymlink != 0 {
			link, _ := filepath.Rel(wd, at)
			return fmt.Errorf("refusing to write %s: %s is a symbolic link", path, link)
		}
	}
	return nil
}
