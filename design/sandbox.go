package design

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"time"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/cuecontext"

	"github.com/designlint/designlint/schema"
)

// CUE's evaluator cannot be stopped from outside: a goroutine that
// evaluates a hostile document keeps running, and keeps allocating, after
// its caller has given up on it. So CUE that checkStructure cannot prove
// bounded (comprehensions, calls, string arithmetic, references to
// structs…) is first evaluated in a child process of designlint, the same
// executable started with sandboxEnv set. The child counts what the
// evaluation allocates and the CPU time it takes, and the size of what it
// produces; past a budget it answers "refused" and exits. Only an
// evaluation that finished within budget is then repeated in designlint's
// own process, where the document is read. A deadline far above any
// budget kills a child that stops answering.

// evalDeadline is the wall-clock backstop: a child that has not answered
// by then is killed. A variable only so that a test can shorten it.
var evalDeadline = 30 * time.Second

// sandboxEnv, set to "1" in a process's environment, makes the process an
// evaluator: it serves evaluations on its standard input and output and
// exits, before main runs (see init below).
const sandboxEnv = "DESIGNLINT_EVALUATOR"

// Budgets of one file's evaluations in the child process. The counts are
// the verdict; the deadline is a backstop for a child that is starved or
// stuck, far above what the budgets allow.
const (
	// maxEvalAlloc bounds the bytes the evaluations of one file allocate.
	maxEvalAlloc = 128 << 20
	// maxEvalCPU bounds the CPU time (not wall time) they take; a
	// document of ordinary size takes a few milliseconds.
	maxEvalCPU = time.Second
	// maxEvalText bounds the text (the lengths of all strings) an
	// evaluation produces, which the reader then reads.
	maxEvalText = 4 << 20
	// evalPoll is how often the child looks at what it has spent.
	evalPoll = 2 * time.Millisecond
	// memoryHeadroom is how far the child's address space may grow
	// beyond what it has at start, a hard limit the kernel enforces
	// (Linux): the watcher looks at allocations every evalPoll, and one
	// allocation can leap past the budget in between.
	memoryHeadroom = 192 << 20
)

func init() {
	if os.Getenv(sandboxEnv) == "1" {
		os.Exit(serveEvaluations(os.Stdin, os.Stdout))
	}
}

// evalJob is one evaluation asked of the child: the source exactly as the
// parent parsed it, so that the child evaluates the same syntax.
type evalJob struct {
	Name   string
	Src    []byte
	Format Format
	// Assumptions wraps the block's fields in an assumptions field, as
	// a fenced block of figures is read.
	Assumptions bool
	// Schema is the definition the value is unified with: "design",
	// "config" or none.
	Schema string
	// What the file has left to spend.
	MaxAlloc int64
	MaxCPU   time.Duration
	MaxNodes int
}

// evalVerdict is the child's answer.
type evalVerdict struct {
	// Refused says why the evaluation was stopped; empty when it
	// finished within budget.
	Refused string
	Alloc   int64
	CPU     time.Duration
	Nodes   int
}

// evalBudget is what a file has left for evaluations in the child.
type evalBudget struct {
	alloc int64
	cpu   time.Duration
}

// sandboxEvaluate evaluates a job in a child process and charges what it
// spent to the file's budgets. It returns a non-empty reason when the
// evaluation must not be repeated in this process.
func sandboxEvaluate(job evalJob, b *structuredBudget) (string, error) {
	job.MaxAlloc, job.MaxCPU, job.MaxNodes = b.eval.alloc, b.eval.cpu, b.nodes
	if job.MaxAlloc <= 0 || job.MaxCPU <= 0 {
		return "input too complex: this file's evaluation budget is spent", nil
	}
	v, err := evaluators.run(job)
	if err != nil {
		return "", err
	}
	b.eval.alloc -= v.Alloc
	b.eval.cpu -= v.CPU
	b.nodes -= v.Nodes
	return v.Refused, nil
}

// evaluatorPool keeps the child processes between evaluations: starting
// one costs a few milliseconds, and a run may evaluate many documents.
type evaluatorPool struct {
	sync.Mutex
	idle []*evaluator
}

var evaluators evaluatorPool

type evaluator struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *json.Decoder
	stderr *headBuffer
}

func (p *evaluatorPool) get() (*evaluator, error) {
	p.Lock()
	if n := len(p.idle); n > 0 {
		e := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.Unlock()
		return e, nil
	}
	p.Unlock()
	return startEvaluator()
}

func (p *evaluatorPool) put(e *evaluator) {
	p.Lock()
	p.idle = append(p.idle, e)
	p.Unlock()
}

func startEvaluator() (*evaluator, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("cannot start the CUE evaluator: %w", err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), sandboxEnv+"=1")
	cmd.SysProcAttr = childAttr()
	stderr := &headBuffer{max: 4 << 10}
	cmd.Stderr = stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("cannot start the CUE evaluator: %w", err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("cannot start the CUE evaluator: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot start the CUE evaluator: %w", err)
	}
	return &evaluator{cmd: cmd, in: in, out: json.NewDecoder(bufio.NewReader(out)), stderr: stderr}, nil
}

// run sends a job to a child and waits for its verdict. A child that
// refused, died or missed the deadline is not used again. A child that
// died without a verdict is replaced and the job tried once more in a
// fresh one: the kernel's address-space limit is a backstop whose margin
// depends on how far the collector lagged (a busy machine), and a pooled
// child may have grown; only the watcher's counts are the same on every
// machine. An input past the budget dies again.
func (p *evaluatorPool) run(job evalJob) (evalVerdict, error) {
	v, died, err := p.runOnce(job)
	if died {
		v, _, err = p.runOnce(job)
	}
	return v, err
}

func (p *evaluatorPool) runOnce(job evalJob) (v evalVerdict, died bool, err error) {
	e, err := p.get()
	if err != nil {
		return evalVerdict{}, false, err
	}
	if err := json.NewEncoder(e.in).Encode(job); err != nil {
		e.stop()
		// A child that died while idle: try once with a new one.
		if e, err = startEvaluator(); err != nil {
			return evalVerdict{}, false, err
		}
		if err := json.NewEncoder(e.in).Encode(job); err != nil {
			e.stop()
			return evalVerdict{}, false, fmt.Errorf("cannot reach the CUE evaluator: %w", err)
		}
	}
	type answer struct {
		v   evalVerdict
		err error
	}
	done := make(chan answer, 1)
	go func() {
		var v evalVerdict
		err := e.out.Decode(&v)
		done <- answer{v, err}
	}()
	timer := time.NewTimer(evalDeadline)
	defer timer.Stop()
	select {
	case a := <-done:
		if a.err != nil {
			// The child died: the kernel's memory limit, or a
			// crash of CUE that recover could not catch.
			e.stop()
			return evalVerdict{Refused: e.deathReason()}, true, nil
		}
		if a.v.Refused != "" {
			e.stop()
		} else {
			p.put(e)
		}
		return a.v, false, nil
	case <-timer.C:
		e.stop()
		return evalVerdict{Refused: fmt.Sprintf("input too complex: evaluation did not finish within %s", evalDeadline)}, false, nil
	}
}

func (e *evaluator) stop() {
	_ = e.in.Close()
	_ = e.cmd.Process.Kill()
	_ = e.cmd.Wait()
}

func (e *evaluator) deathReason() string {
	head := e.stderr.String()
	if strings.Contains(head, "out of memory") || strings.Contains(head, "cannot allocate memory") {
		return tooMuchMemory
	}
	return "input too complex: the CUE evaluator stopped without an answer"
}

// headBuffer keeps the first bytes written to it: the Go runtime says why
// it died before printing the stacks of every goroutine.
type headBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (t *headBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if room := t.max - len(t.buf); room > 0 {
		t.buf = append(t.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (t *headBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

// serveEvaluations is the child's side: one verdict for each job read
// from in, until in closes. It returns the process's exit code.
func serveEvaluations(in io.Reader, out io.Writer) int {
	limitAddressSpace(memoryHeadroom)
	// Collect early, so that what the process holds stays near what is
	// live and an evaluation within budget stays far from the kernel's
	// limit.
	debug.SetGCPercent(50)
	debug.SetMemoryLimit(maxEvalAlloc / 2)
	dec := json.NewDecoder(bufio.NewReader(in))
	w := &verdictWriter{enc: json.NewEncoder(out)}
	var env *sandboxEnvCUE
	for {
		var job evalJob
		if err := dec.Decode(&job); err != nil {
			if errors.Is(err, io.EOF) {
				return 0
			}
			return 1
		}
		if env == nil || env.uses >= maxEnvUses {
			env = newSandboxEnv()
		}
		env.uses++
		w.send(runJob(env, job, w))
	}
}

// verdictWriter sends verdicts; the watcher and the evaluation may both
// want to answer, and only the first answer counts.
type verdictWriter struct {
	mu  sync.Mutex
	enc *json.Encoder
}

func (w *verdictWriter) send(v evalVerdict) {
	w.mu.Lock()
	defer w.mu.Unlock()
	_ = w.enc.Encode(v)
}

// sandboxEnvCUE is the child's CUE context with the schemas compiled.
type sandboxEnvCUE struct {
	ctx            *cue.Context
	design, config cue.Value
	uses           int
}

func newSandboxEnv() *sandboxEnvCUE {
	ctx := cuecontext.New()
	d := ctx.CompileString(schema.Design, cue.Filename("schema/design.cue"))
	c := ctx.CompileString(schema.Config, cue.Filename("schema/config.cue"))
	return &sandboxEnvCUE{
		ctx:    ctx,
		design: d.LookupPath(cue.MakePath(cue.Def("#Design"))),
		config: c.LookupPath(cue.MakePath(cue.Def("#Config"))),
	}
}

// runJob evaluates one job while a watcher counts what it spends. Past a
// budget the watcher answers for it and ends the process: the evaluation
// cannot be stopped any other way.
func runJob(env *sandboxEnvCUE, job evalJob, w *verdictWriter) evalVerdict {
	alloc0, cpu0 := allocatedBytes(), processCPU()
	stop := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		t := time.NewTicker(evalPoll)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			a, c := allocatedBytes()-alloc0, processCPU()-cpu0
			if r := overSpent(job, a, c); r != "" {
				w.send(evalVerdict{Refused: r, Alloc: a, CPU: c})
				os.Exit(0)
			}
		}
	}()
	v := evaluateForVerdict(env, job)
	close(stop)
	<-watched
	v.Alloc, v.CPU = allocatedBytes()-alloc0, processCPU()-cpu0
	if v.Refused == "" {
		v.Refused = overSpent(job, v.Alloc, v.CPU)
	}
	return v
}

// tooMuchMemory is the verdict on an evaluation past the memory budget,
// whether the watcher or the kernel's limit stopped it.
var tooMuchMemory = fmt.Sprintf("input too complex: evaluating this file's CUE needs more than %s of memory", byteSize(maxEvalAlloc))

func overSpent(job evalJob, alloc int64, cpu time.Duration) string {
	switch {
	case alloc > job.MaxAlloc:
		return tooMuchMemory
	case cpu > job.MaxCPU:
		return fmt.Sprintf("input too complex: evaluating this file's CUE needs more than %g s of CPU time", maxEvalCPU.Seconds())
	}
	return ""
}

// evaluateForVerdict evaluates a job as the parent will, then walks all of
// the result, so that nothing the parent may look at is left unevaluated,
// counting what it holds.
func evaluateForVerdict(env *sandboxEnvCUE, job evalJob) (v evalVerdict) {
	defer func() {
		if p := recover(); p != nil {
			// The parent reports CUE's failure when it evaluates
			// again in its own process, guarded the same way.
			v = evalVerdict{}
		}
	}()
	s := structuredSource{name: job.Name, path: job.Name, src: job.Src, format: job.Format}
	file, err := parseStructured(s)
	if err != nil {
		return evalVerdict{}
	}
	if job.Assumptions {
		file = assumptionsFile(file)
	}
	val := env.ctx.BuildFile(file)
	if val.Err() != nil {
		return evalVerdict{}
	}
	switch job.Schema {
	case "design":
		_ = val.Unify(env.design).Validate(cue.Concrete(true))
	case "config":
		_ = val.Unify(env.config).Validate(cue.Concrete(true))
	}
	c := resultCounter{maxNodes: job.MaxNodes}
	c.walk(val, 0)
	return evalVerdict{Refused: c.refused, Nodes: c.nodes}
}

// resultCounter walks an evaluated value with the budgets the syntax of a
// bounded document is held to.
type resultCounter struct {
	nodes, maxNodes int
	text            int
	refused         string
}

func (c *resultCounter) walk(v cue.Value, depth int) {
	if c.refused != "" {
		return
	}
	c.nodes++
	switch {
	case c.nodes > c.maxNodes:
		c.refused = fmt.Sprintf("input too complex: evaluating this file's CUE gives more than %d values", maxStructuredNodes)
		return
	case depth > maxStructuredDepth:
		c.refused = fmt.Sprintf("input too complex: evaluating this file's CUE gives structs and lists nested more than %d deep", maxStructuredDepth)
		return
	}
	switch v.IncompleteKind() {
	case cue.StructKind:
		if it, err := v.Fields(cue.All()); err == nil {
			c.walkAll(it, depth, "a struct of more than %d fields")
		}
	case cue.ListKind:
		if it, err := v.List(); err == nil {
			c.walkAll(&it, depth, "a list of more than %d elements")
		}
	case cue.StringKind, cue.BytesKind:
		if s, err := v.String(); err == nil {
			c.text += len(s)
		} else if b, err := v.Bytes(); err == nil {
			c.text += len(b)
		}
		if c.text > maxEvalText {
			c.refused = fmt.Sprintf("input too complex: evaluating this file's CUE gives more than %s of text", byteSize(maxEvalText))
		}
	}
}

// walkAll walks the fields or elements of a struct or list, refusing more
// than maxCollection (tooMany says what, with %d for the limit).
func (c *resultCounter) walkAll(it *cue.Iterator, depth int, tooMany string) {
	for n := 1; it.Next(); n++ {
		if n > maxCollection {
			c.refused = "input too complex: evaluating this file's CUE gives " + fmt.Sprintf(tooMany, maxCollection)
			return
		}
		c.walk(it.Value(), depth+1)
	}
}

// assumptionsFile reads a block of figures as the assumptions field.
func assumptionsFile(f *ast.File) *ast.File {
	return &ast.File{Decls: []ast.Decl{&ast.Field{Label: ast.NewIdent("assumptions"), Value: &ast.StructLit{Elts: f.Decls}}}}
}

var allocSample = []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
var allocMu sync.Mutex

// allocatedBytes is the total the process has allocated on the heap.
func allocatedBytes() int64 {
	allocMu.Lock()
	defer allocMu.Unlock()
	metrics.Read(allocSample)
	return int64(allocSample[0].Value.Uint64())
}

// evaluationJob describes the evaluation of a parsed source for the child.
func evaluationJob(s structuredSource, assumptions bool, schemaName string) evalJob {
	return evalJob{Name: s.name, Src: bytes.Clone(s.src), Format: s.format, Assumptions: assumptions, Schema: schemaName}
}
