package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/designlint/designlint/internal/testenv"
)

// multitool is the platform binary the @microsoft/sarif-multitool package
// ships; it is run directly, since its npx wrapper adds nothing.
func multitool(t *testing.T) string {
	pkg, exe := "sarif-multitool-linux", "Sarif.Multitool"
	switch runtime.GOOS {
	case "darwin":
		pkg = "sarif-multitool-darwin"
	case "windows":
		pkg, exe = "sarif-multitool-win32", "Sarif.Multitool.exe"
	}
	dir := testenv.NodeModules(t, "@microsoft/"+pkg)
	return filepath.Join(dir, "@microsoft", pkg, exe)
}

// TestSARIFValidates runs Microsoft's SARIF validator, with GitHub code
// scanning's own rules turned on, over the SARIF designlint writes for
// the example documents, the shared golden input and a hostile document,
// and fails on any error- or warning-level result. (The validator exits 0
// whatever it finds, so its own SARIF log is read instead.)
func TestSARIFValidates(t *testing.T) {
	tool := multitool(t)
	root := testenv.ModuleRoot(t)
	config := filepath.Join(root, "testdata", "report", "sarif-validation.xml")
	out := t.TempDir()

	lint := func(name, dir string, args ...string) string {
		t.Helper()
		path := filepath.Join(out, name+".sarif")
		t.Chdir(dir)
		var stderr bytes.Buffer
		code := Run(append([]string{"lint", "-f", "sarif", "-o", path}, args...), IO{Out: &bytes.Buffer{}, Err: &stderr})
		if code == exitFailure && !strings.Contains(name, "hostile") {
			t.Fatalf("lint %s: exit 2: %s", name, stderr.String())
		}
		return path
	}
	hostile := t.TempDir()
	for i, tr := range tricks {
		if err := os.WriteFile(filepath.Join(hostile, fmt.Sprintf("h%02d.md", i)), []byte(hostileMarkdown(tr)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(hostile, fmt.Sprintf("h%02d.cue", i)), []byte(hostileCUE(tr)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(hostile, "a b:c ü%.md"), []byte(hostileMarkdown("x")), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []string{
		lint("docs", root, "testdata/docs"),
		lint("hostile", hostile, "."),
		filepath.Join(root, "testdata", "report", "golden", "checkout.sarif"),
	}
	log := filepath.Join(out, "validation.sarif")
	cmd := exec.Command(tool, append(append([]string{"validate"}, files...),
		"--config", config, "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning",
		"--output", log, "--log", "ForceOverwrite")...)
	// The validator needs ICU unless told to run without it.
	cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the SARIF validator failed: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	var result struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
			} `json:"invocations"`
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &result); err != nil {
		t.Fatalf("reading the validator's log: %v", err)
	}
	if len(result.Runs) == 0 {
		t.Fatal("the validator's log has no run")
	}
	for _, r := range result.Runs {
		for _, inv := range r.Invocations {
			if !inv.ExecutionSuccessful {
				t.Error("the validator reports an unsuccessful run")
			}
		}
		for _, x := range r.Results {
			level := x.Level
			if level == "" {
				level = "warning" // SARIF's default
			}
			where := ""
			if len(x.Locations) > 0 {
				where = x.Locations[0].PhysicalLocation.ArtifactLocation.URI
			}
			t.Errorf("%s %s (%s) %v in %s", level, x.RuleID, x.Message.ID, x.Message.Arguments, where)
		}
	}
}
