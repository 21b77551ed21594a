package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/pipeline"
	"github.com/dossier-nlp/dossier/store"
)

type runOptions struct {
	*globalOptions
	include, exclude []string
	maxSize          string
	workers          int
	force            bool
	prune            bool
	quiet            bool
	aliases          string
	model            string
	entities         string
	nats             string
}

func newRunCmd(g *globalOptions) *cobra.Command {
	o := &runOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "run FOLDER",
		Short: "Extract entities and relations from every article in a folder into the database",
		Long: `run walks FOLDER recursively (or takes a single file), reads every file matching
--include (default *.txt and *.md) and not matching --exclude, and stores its
sentences, entity mentions, entities and relations in the database.

Re-runs are incremental: a file whose path and content (sha256) are unchanged
since the last run is skipped; a changed file has its old rows replaced; --force
redoes everything. Files that are empty, binary, not valid UTF-8, unreadable or
larger than --max-size are recorded as failed with the reason, and the rest of
the batch goes on.

Ctrl-C stops finding new files, finishes and commits the documents in flight
and exits; running the same command again continues where it stopped. A second
Ctrl-C aborts at once; the database stays consistent either way.

--nats URL extracts on 'dossier worker' processes, on any machines, through a
NATS JetStream server; this process still finds, reads and skips files and
writes the database, with the same summary and exit status (see 'dossier
worker --help' and the README).

--aliases FILE applies your entity-resolution decisions on every run, to what
is stored and to every new document. One rule a line ('#' starts a comment):
  Russian Volunteer Corps = RDK, RVC     these names are one entity, named as first
  LOCATION: Kyiv = Kiev                  the same, for one type only
  Vyacheslav Gladkov != Anna Gladkov     never one entity (split if they are)
Every merge, split and rename is recorded in the merges table (view
merge_decisions) and listed by 'dossier entities --decisions'.

Exit status: 0 when every file was processed or unchanged, 2 when the run
finished but some files failed (they are listed), 130 when interrupted, 1 on
any other error.`,
		Example: `  dossier run testdata/seeds --db dossier.db
  dossier run ~/news --include '*.txt' --exclude 'drafts/*' --workers 4
  dossier run ~/news --force      # reprocess everything
  dossier run ~/news --aliases aliases.txt   # with your own merge decisions
  dossier run ~/news --entities weapons.txt  # also tag your own names and types
  dossier run ~/news --nats nats://queue:4222  # extract on 'dossier worker' processes`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.workers < 0 || o.workers > maxWorkers {
				return usageErrorf(cmd, "--workers %d: give a number from 1 to %d, or 0 for one per CPU", o.workers, maxWorkers)
			}
			return o.run(cmd.Context(), args[0])
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&o.include, "include", nil, "file name patterns to process, comma-separated or repeated (default *.txt,*.md); a pattern with / matches the path relative to FOLDER")
	f.StringSliceVar(&o.exclude, "exclude", nil, "file or directory patterns to skip")
	f.StringVar(&o.maxSize, "max-size", "16MiB", "skip (and record as failed) files larger than this; 1 byte to 1GiB")
	f.IntVar(&o.workers, "workers", 0, "extraction workers, up to 1024 (default: number of CPUs); with --nats, documents in flight (default 256)")
	f.BoolVar(&o.force, "force", false, "reprocess files even when they are unchanged")
	f.BoolVar(&o.prune, "prune", false, "remove from the database the documents no longer found in FOLDER (deleted or excluded files)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print only the summary")
	f.StringVar(&o.model, "model", "", "entity tagger model file from 'dossier train' (default: the built-in model)")
	f.StringVar(&o.entities, "entities", "", "list of names to tag in addition to the model, one \"TYPE name\" a line (types may be your own, e.g. WEAPON)")
	f.StringVar(&o.nats, "nats", "", "extract on 'dossier worker' processes through this NATS JetStream server (e.g. nats://host:4222); this process writes the database")
	f.StringVar(&o.aliases, "aliases", "", "aliases file of merges (NAME = ALIAS, ...) and separations (NAME != NAME), applied on every run")
	return cmd
}

func (o *runOptions) run(ctx context.Context, folder string) error {
	maxSize, err := parseSize(o.maxSize)
	if err != nil {
		return fmt.Errorf("--max-size: %w", err)
	}
	if o.workers < 0 || o.workers > maxWorkers {
		return fmt.Errorf("--workers %d: give a number from 1 to %d, or 0 for one per CPU", o.workers, maxWorkers)
	}
	if err := pipeline.CheckRoot(folder); err != nil {
		return fmt.Errorf("read folder %w", err)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryTarget(o.workers)))
	}
	var rules *store.AliasRules
	if o.aliases != "" {
		if rules, err = readAliases(o.aliases); err != nil {
			return err
		}
	}
	db, err := store.Open(ctx, o.db)
	if err != nil {
		return err
	}
	defer db.Close()
	if rules != nil {
		db.SetAliasRules(rules)
		ds, err := db.ApplyAliases(ctx)
		if err != nil {
			return err
		}
		for _, d := range ds {
			fmt.Fprintf(o.stdout, "aliases: %s %s %q (%s)\n", d.Entity, d.Decision, d.Name, d.Detail)
		}
	}
	x, err := newExtractor(o.model, o.entities)
	if err != nil {
		return err
	}
	opts := pipeline.Options{
		Include: o.include, Exclude: o.exclude, MaxSize: maxSize,
		Workers: o.workers, Force: o.force, Prune: o.prune,
	}
	if o.nats != "" {
		remote, closeRemote, err := remoteStage(ctx, o.nats, o.db, folder, o.stderr)
		if err != nil {
			return err
		}
		defer closeRemote()
		opts.Remote = remote
	}
	var bar *progressLine
	if !o.quiet {
		bar = newProgressLine(o.stderr)
		opts.OnProgress = bar.update
		opts.ProgressInterval = bar.interval
	}
	sum, err := pipeline.Run(ctx, folder, db, x, opts)
	if bar != nil {
		bar.finish()
	}
	if err != nil {
		if sum != nil {
			printSummary(o.stdout, sum, o.db)
			fmt.Fprintf(o.stdout, "stopped by an error: the %d documents above are saved; once it is fixed, run the same command again to continue\n",
				sum.Processed+sum.Failed)
		}
		return err
	}
	printSummary(o.stdout, sum, o.db)
	switch {
	case sum.Stopped:
		return &exitCodeError{code: exitInterrupted}
	case sum.Failed > 0:
		return &exitCodeError{code: exitFilesFailed}
	}
	return nil
}

func printSummary(w io.Writer, s *pipeline.Summary, db string) {
	if s.Stopped {
		fmt.Fprintf(w, "stopped: saved %d documents; run the same command again to continue\n", s.Processed+s.Failed)
	}
	fmt.Fprintf(w, "%d processed, %d unchanged, %d failed (of %d files)\n", s.Processed, s.Unchanged, s.Failed, s.Found)
	fmt.Fprintf(w, "%d mentions and %d relations written; %d entities in %s\n", s.Mentions, s.Relations, s.Entities, db)
	if s.Pruned > 0 {
		fmt.Fprintf(w, "%d documents no longer in the folder removed (--prune)\n", s.Pruned)
	}
	rate := ""
	if s.Processed > 0 {
		rate = fmt.Sprintf(", %.2f MB/s, %.0f tokens/s", s.MBPerSecond(), float64(s.Tokens)/s.Elapsed.Seconds())
	}
	fmt.Fprintf(w, "%s elapsed%s\n", s.Elapsed.Round(time.Millisecond), rate)
	if len(s.Failures) > 0 {
		fmt.Fprintln(w, "failed:")
		for _, f := range s.Failures {
			fmt.Fprintf(w, "  %s: %s\n", f.Path, f.Reason)
		}
	}
}

// progressLine shows progress on stderr: a line redrawn in place when stderr
// is a terminal, a plain line every ten seconds otherwise.
type progressLine struct {
	w        io.Writer
	tty      bool
	interval time.Duration
	drawn    bool
}

func newProgressLine(w io.Writer) *progressLine {
	p := &progressLine{w: w, interval: 10 * time.Second}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty, p.interval = true, 200*time.Millisecond
	}
	return p
}

func (p *progressLine) update(pr pipeline.Progress) {
	mbs := float64(pr.Bytes) / 1e6 / max(pr.Elapsed.Seconds(), 1e-9)
	total := fmt.Sprint(pr.Found)
	if pr.Discovering {
		total += "+"
	}
	line := fmt.Sprintf("%d/%s files  %d processed  %d unchanged  %d failed  %.2f MB/s  %s",
		pr.Done(), total, pr.Processed, pr.Unchanged, pr.Failed, mbs, pr.Elapsed.Round(time.Second))
	if !p.tty {
		fmt.Fprintln(p.w, line)
		return
	}
	bar := ""
	if !pr.Discovering && pr.Found > 0 {
		const width = 24
		n := pr.Done() * width / pr.Found
		bar = "[" + strings.Repeat("=", n) + strings.Repeat(" ", width-n) + "] "
	}
	fmt.Fprintf(p.w, "\r\033[K%s%s", bar, line)
	p.drawn = true
}

func (p *progressLine) finish() {
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// maxWorkers is the most extraction workers --workers accepts.
const maxWorkers = 1024

// maxFileSize is the largest --max-size: a document is held in memory
// whole, with its tokens.
const maxFileSize = 1 << 30

// memoryTarget is the soft limit on the Go heap of a run with the given
// workers (0: one per CPU), unless GOMEMLIMIT sets one. Above it the
// garbage collector works harder rather than let a large document double
// the heap; small documents never reach it.
func memoryTarget(workers int) int64 {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return 256<<20 + int64(workers)*48<<20
}

// parseSize reads sizes like "16MiB", "500k", "2GB" or a plain byte count,
// from one byte to maxFileSize.
func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(n) {
		return 0, fmt.Errorf("bad size %q: give a number with an optional unit (k, KiB, MB, MiB, GB, GiB), such as 16MiB or 500k", s)
	}
	if b := n * float64(mult); b < 1 || b > maxFileSize {
		return 0, fmt.Errorf("size %q out of range: give from 1 byte to 1GiB, such as 16MiB or 500k", s)
	}
	return int64(n * float64(mult)), nil
}

// newExtractor builds the extractor with a model file and an entity list,
// when given.
func newExtractor(model, entities string) (*extract.Extractor, error) {
	var xo extract.Options
	var err error
	if model != "" {
		if xo.Tagger, err = extract.LoadTagger(model); err != nil {
			return nil, err
		}
	}
	if entities != "" {
		if xo.Entities, err = readEntityList(entities); err != nil {
			return nil, err
		}
	}
	x, err := extract.New(xo)
	if err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	return x, nil
}

// readEntityList reads a list of names with types.
func readEntityList(path string) (*extract.EntityList, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open entity list: %w", err)
	}
	defer f.Close()
	l, err := extract.ParseEntityList(f)
	if err != nil {
		return nil, fmt.Errorf("entity list %s: %w", path, err)
	}
	return l, nil
}

// readAliases reads an aliases file.
func readAliases(path string) (*store.AliasRules, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open aliases file: %w", err)
	}
	defer f.Close()
	rules, err := store.ParseAliases(f)
	if err != nil {
		return nil, fmt.Errorf("aliases file %s: %w", path, err)
	}
	return rules, nil
}

// openExisting opens the database for a read command, which must not create
// an empty one by accident.
func openExisting(ctx context.Context, path string) (*store.DB, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no database at %s: create one with 'dossier run FOLDER --db %s'", path, path)
	}
	return store.OpenReadOnly(ctx, path)
}
