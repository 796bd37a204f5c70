package cli

import (
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/designlint/designlint/design"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/script from the actual output")

func TestMain(m *testing.M) {
	os.Exit(testscript.RunMain(m, map[string]func() int{"designlint": Main}))
}

// TestScripts runs the CLI scenarios in testdata/script: one behaviour per
// script (exit codes, formats, stdin, directories, bad input). Run with
// -update to refresh their expected output after reading the diff.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("..", "..", "testdata", "script"),
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// writehex FILE HEX writes bytes a text archive cannot hold.
			"writehex": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: writehex FILE HEX")
				}
				b, err := hex.DecodeString(strings.ReplaceAll(args[1], " ", ""))
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o644))
			},
			// bigfile FILE SIZE writes a Markdown file of SIZE bytes.
			"bigfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: bigfile FILE SIZE")
				}
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				line := "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n"
				b := []byte("# Big\n\n" + strings.Repeat(line, n/len(line)+1))
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), b[:n], 0o644))
			},
			// exits CODE PROG ARGS... runs a program like exec and checks
			// its exact exit code (exec only tells zero from non-zero).
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits CODE PROG [ARGS...]")
				}
				want, err := strconv.Atoi(args[0])
				ts.Check(err)
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("%s: %v", args[1], err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("%s exited %d, want %d", args[1], got, want)
				}
			},
			// actionscript STEP FILE writes the shell script of the
			// action.yml step with that id, so that a script can run it as
			// the runner would.
			"actionscript": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: actionscript STEP FILE")
				}
				script, err := actionStepScript(filepath.Join("..", "..", "action.yml"), args[0])
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(script), 0o755))
			},
			// mkfifo FILE makes a named pipe.
			"mkfifo": func(ts *testscript.TestScript, neg bool, args []string) {
				ts.Check(mkfifo(ts.MkAbs(args[0])))
			},
		},
	})
}

// actionStepScript returns the run script of the step with the given id
// in a composite action's action.yml.
func actionStepScript(path, id string) (string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	f, err := design.ExtractYAML(path, src)
	if err != nil {
		return "", err
	}
	v := cuecontext.New().BuildFile(f)
	steps, err := v.LookupPath(cue.ParsePath("runs.steps")).List()
	if err != nil {
		return "", fmt.Errorf("%s: runs.steps: %v", path, err)
	}
	for steps.Next() {
		if sid, _ := steps.Value().LookupPath(cue.ParsePath("id")).String(); sid == id {
			return steps.Value().LookupPath(cue.ParsePath("run")).String()
		}
	}
	return "", fmt.Errorf("%s: no step with id %q", path, id)
}
