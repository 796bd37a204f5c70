package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// watchAnswer is the answer a watch starts from: the first four steps.
const watchAnswer = `# Photo sharing

## Problem

Users share photos with their followers and scroll a feed of the photos of
the people they follow.

## Functional requirements

- Users upload a photo with a caption
- Users follow other users
- Users scroll a feed of the photos of the people they follow

## Non-functional requirements

- Scale: 10M daily active users
- Latency: the feed loads in under 300 ms at p99
- Availability: 99.9% a month
- Durability: an uploaded photo is never lost

## Estimates

- DAU: 10M
- Requests per user per day: 50
- Requests per day: 500M
- Average TPS: 500M / 86,400 ≈ 5,800
- Peak factor: 3x
`

const watchAPI = "\n## API\n\n- `GET /v1/feed?cursor=` returns the next page of photos\n"

// watchRun runs grade --watch on a file with a clock and a poller of its
// own: before each look at the file, the poller makes the next save of
// saves (nil: no save) and moves the clock two minutes; once the saves
// are done it stops the watch, as an interrupt would. No test waits.
func watchRun(t *testing.T, args []string, first string, saves []func(path string)) (code int, out, errOut string, rounds int) {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	path := "answer.md"
	if err := os.WriteFile(path, []byte(first), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 27, 14, 0, 0, 0, time.UTC)
	now := start
	var o, e bytes.Buffer
	tick := func(ctx context.Context) bool {
		if rounds == len(saves) || ctx.Err() != nil {
			return false
		}
		now = now.Add(2 * time.Minute)
		if save := saves[rounds]; save != nil {
			save(path)
			// A save a moment later than the last, whatever the file
			// system's clock granularity.
			if err := os.Chtimes(path, now, now); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
		}
		rounds++
		return true
	}
	code = Run(append(append([]string{"grade"}, args...), path), IO{In: strings.NewReader(""), Out: &o, Err: &e,
		Getenv: func(string) string { return "" }, Now: func() time.Time { return now }, Tick: tick})
	return code, o.String(), e.String(), rounds
}

func write(content string) func(string) {
	return func(path string) {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			panic(err)
		}
	}
}

// grade --watch grades the file, then again on each save, printing what
// changed: the total, the steps that moved and the evidence gained. A
// save that leaves the file unreadable, or no longer an answer, is
// reported and the watch goes on; a look with no save prints nothing;
// the watch ends with the last score.
func TestGradeWatch(t *testing.T) {
	saves := []func(string){
		nil,                             // nothing saved
		write(watchAnswer + watchAPI),   // the API added
		write(watchAnswer + watchAPI),   // saved again, unchanged
		func(p string) { os.Remove(p) }, // an editor's rename
		write("# Notes\n\n## Context\n\nA.\n\n## Decision\n\nB.\n\n## Consequences\n\nC.\n"), // not an answer
		write(strings.Replace(watchAnswer+watchAPI, "Requests per day: 500M", "Requests per day: 5B", 1)),
	}
	code, out, errOut, rounds := watchRun(t, []string{"--watch"}, watchAnswer, saves)
	if code != exitOK || rounds != len(saves) {
		t.Fatalf("exit %d after %d rounds\n%s\n%s", code, rounds, out, errOut)
	}
	for _, want := range []string{
		"(?m)^Interview scorecard: answer.md$",
		"(?m)^Total: 50/100$",
		"(?m)^Watching answer.md: every save is graded again; Ctrl-C stops.$",
		"(?m)^--- 14:04:00 saved: 50/100 → 55/100 \\(\\+5\\)\n5\\. API contract 5/5 \\(\\+5\\)\n   \\+ operation, line 31: “`GET /v1/feed\\?cursor=` returns the next page of photos”\n",
		"(?m)^next: 5\\. API contract|^next: 6\\. High-level architecture: ",
		"(?m)^--- 14:06:00 saved: 55/100, no change$",
		"(?m)^--- 14:12:00 saved: 55/100 → 53/100 \\(-2\\)\n4\\. Estimates 13/15 \\(-2\\)\n",
		"(?m)^next: 4\\. Estimates: fix the arithmetic at line 25: ",
		"(?m)^Stopped watching answer.md: 53/100$",
	} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("output does not match %s:\n%s", want, out)
		}
	}
	if strings.Count(out, "--- ") != 3 {
		t.Errorf("want three grades after the first:\n%s", out)
	}
	for _, want := range []string{
		"designlint: answer.md: no such file or directory (still watching)",
		"designlint: answer.md reads as a decision record (adr): ",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("standard error lacks %q:\n%s", want, errOut)
		}
	}
}

// With --time, every grade says where the clock stands against the plan
// and which steps are behind it.
func TestGradeWatchTime(t *testing.T) {
	more := watchAnswer + "\nMore to come.\n"
	saves := []func(string){nil, nil, nil, nil, nil, nil, nil, nil, write(more), write(more + watchAPI)}
	code, out, _, _ := watchRun(t, []string{"--watch", "--time", "45m"}, watchAnswer, saves)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, want := range []string{
		"(?m)^Timed practice: 45:00, shared among the steps as the playbook's budgets are$",
		"(?m)^  6\\. High-level architecture +17:21–28:12$",
		// 18:00: the API's slot is over and it has nothing.
		"(?m)^--- 14:18:00 saved: 50/100, no change\nnext: 5\\. API contract: .*\nClock: 18:00 of 45:00; the plan is at 6\\. High-level architecture \\(17:21–28:12\\)\nBehind the plan: 5\\. API contract 0/5 \\(due 17:21\\)$",
		// 20:00: the API is written; nothing is behind.
		"(?m)^Clock: 20:00 of 45:00; the plan is at 6\\. High-level architecture \\(17:21–28:12\\)\n\nStopped watching",
	} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("output does not match %s:\n%s", want, out)
		}
	}
}

// --min applies to the last score of a watch.
func TestGradeWatchMin(t *testing.T) {
	code, _, _, _ := watchRun(t, []string{"--watch", "--min", "52"}, watchAnswer, []func(string){write(watchAnswer + watchAPI)})
	if code != exitOK {
		t.Errorf("55 against --min 52: exit %d", code)
	}
	code, _, _, _ = watchRun(t, []string{"--watch", "--min", "52"}, watchAnswer, []func(string){nil})
	if code != exitFindings {
		t.Errorf("50 against --min 52: exit %d", code)
	}
}

// Quiet, a watch prints each grade's total, one a line.
func TestGradeWatchQuiet(t *testing.T) {
	_, out, _, _ := watchRun(t, []string{"--watch", "-q"}, watchAnswer, []func(string){nil, write(watchAnswer + watchAPI)})
	if out != "50/100\n55/100\n" {
		t.Errorf("quiet watch printed %q", out)
	}
}

// A file that cannot be graded when the watch starts is a failure, as
// without --watch.
func TestGradeWatchBadStart(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := run(t, false, nil, "grade", "--watch", filepath.Join(dir, "missing.md"))
	if code != exitFailure || !strings.Contains(errOut, "missing.md") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// The poller of a real watch stops when the context ends (an interrupt)
// instead of waiting out its interval.
func TestPollStopsOnInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if pollEvery(time.Hour)(ctx) {
		t.Error("the poller went on after the context ended")
	}
}
