package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"

	"github.com/designlint/designlint/design"
)

// The action downloads release archives by the names goreleaser gives
// them; the two must agree, or a release version would quietly fall back
// to building from source. What the action builds is tested in
// testdata/script/action.txtar; this checks that it builds what
// .goreleaser.yaml publishes.
func TestActionMatchesReleaseNames(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := design.ExtractYAML(".goreleaser.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	v := cuecontext.New().BuildFile(f)
	str := func(path string) string {
		s, err := v.LookupPath(cue.ParsePath(path)).String()
		if err != nil {
			t.Fatalf(".goreleaser.yaml %s: %v", path, err)
		}
		return s
	}
	if got := str("archives[0].name_template"); got != "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}" {
		t.Errorf("archive names are %q; the action's install step builds designlint_VERSION_OS_ARCH", got)
	}
	if got := str("project_name"); got != "designlint" {
		t.Errorf("project_name %q", got)
	}
	if got := str("checksum.name_template"); got != "checksums.txt" {
		t.Errorf("checksums are in %q; the action reads checksums.txt", got)
	}
	if got := str("archives[0].formats[0]") + "," + str("archives[0].format_overrides[0].formats[0]"); got != "tar.gz,zip" {
		t.Errorf("archive formats %q; the action expects tar.gz, and zip on Windows", got)
	}
	if w := v.LookupPath(cue.ParsePath("archives[0].wrap_in_directory")); w.Exists() {
		t.Error("archives are wrapped in a directory; the action expects the binary at the top")
	}
	script, err := actionStepScript(filepath.Join("..", "..", "action.yml"), "install")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`archive="designlint_${version}_${os}_${arch}.${ext}"`,
		`/v${version}"`, // goreleaser's .Version is the tag without its v
		`"$tmp/checksums.txt"`,
	} {
		if !strings.Contains(script, want) {
			t.Errorf("the install step no longer has %s", want)
		}
	}
}
