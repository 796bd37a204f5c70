//go:build unix

package outfile

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// A link planted where the report goes, or as a directory on its way, is
// refused, and what it points at is left alone.
func TestWriteRefusesLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	victim := filepath.Join(dir, "victim")
	if err := os.WriteFile(victim, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, "report.sarif"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, "out"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere"), "dangling.json"); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo("pipe.json", 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"report.sarif":                        "report.sarif: it is a symbolic link",
		filepath.Join(dir, "report.sarif"):    "it is a symbolic link",
		"dangling.json":                       "it is a symbolic link",
		filepath.Join("out", "victim"):        "out is a symbolic link",
		filepath.Join("out", "new.json"):      "out is a symbolic link",
		filepath.Join(dir, "out", "new.json"): "out is a symbolic link",
		"pipe.json":                           "not a regular file",
	} {
		err := Write(path, []byte("report"))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep" {
		t.Errorf("the link's target was written: %q", b)
	}
	if _, err := os.Lstat(filepath.Join(dir, "nowhere")); err == nil {
		t.Errorf("the dangling link's target was created")
	}
	// Ordinary files are written, and rewritten.
	for _, path := range []string{"report.json", filepath.Join(dir, "report.json"), filepath.Join(t.TempDir(), "r.json")} {
		for _, data := range []string{"first, longer", "second"} {
			if err := Write(path, []byte(data)); err != nil {
				t.Fatal(err)
			}
			if b, _ := os.ReadFile(path); string(b) != data {
				t.Errorf("%s holds %q, want %q", path, b, data)
			}
		}
	}
}
