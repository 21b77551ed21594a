// Command dossier turns folders of news articles into a SQLite record of
// the people, places and organisations they mention and how they relate.
//
// Run "dossier --help" for the commands, or see the README.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
)

// version is the program's version; release builds set it with
// -ldflags "-X main.version=v1.2.3", otherwise the module's build
// information gives it.
var version = ""

// Exit statuses.
const (
	exitOK          = 0
	exitError       = 1   // the command failed
	exitFilesFailed = 2   // run finished, but some files were rejected
	exitInterrupted = 130 // run stopped by Ctrl-C; a re-run continues
)

func main() {
	ctx, stop := signalContext()
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// signalContext returns a context cancelled by the first SIGINT or SIGTERM.
// A second signal exits at once: SQLite rolls back the open transaction,
// so the database stays consistent.
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ch
		fmt.Fprintln(os.Stderr, "\nstopping: finishing the documents in flight (press Ctrl-C again to abort now)")
		cancel()
		<-ch
		fmt.Fprintln(os.Stderr, "aborted: the database keeps every document committed so far")
		os.Exit(exitInterrupted)
	}()
	return ctx, func() { signal.Stop(ch); cancel() }
}

// exitError carries a specific exit status out of a command.
type exitCodeError struct {
	code int
	err  error
}

func (e *exitCodeError) Error() string { return e.err.Error() }
func (e *exitCodeError) Unwrap() error { return e.err }

// run executes the dossier command line args with the given streams and
// returns the process exit status. Tests call it in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, "dossier:", ue.err)
		fmt.Fprintf(stderr, "usage: %s\nrun '%s --help' for more\n", ue.cmd.UseLine(), ue.cmd.CommandPath())
		return exitError
	}
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		// Interrupted before any document was in flight (while the
		// aliases rules were being applied, say): nothing was committed.
		fmt.Fprintln(stderr, "dossier: stopped before anything was saved; run the same command again to continue")
		return exitInterrupted
	}
	var ce *exitCodeError
	if errors.As(err, &ce) {
		if ce.err != nil {
			fmt.Fprintln(stderr, "dossier:", ce.err)
		}
		return ce.code
	}
	fmt.Fprintln(stderr, "dossier:", err)
	return exitError
}

// globalOptions are the flags every command shares.
type globalOptions struct {
	db     string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	g := &globalOptions{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "dossier",
		Short: "Turn folders of news articles into a queryable record of who and what they mention",
		Long: `dossier reads folders of articles, finds the people, places and organisations they
mention, resolves spellings and acronyms of one entity to one record, extracts the
relations between them, and writes everything, with byte offsets and evidence,
into one SQLite file that you can query with dossier itself or the sqlite3 shell.`,
		Example: `  dossier run ./articles --db dossier.db
  dossier entities --type PERSON
  dossier relations --entity Gladkov
  sqlite3 dossier.db 'select name, type, docs, mentions from entity_stats order by mentions desc limit 20'`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       programVersion(),
	}
	root.SetVersionTemplate(`dossier {{.Version}}
extractor ` + extract.Version + ` (rules; 'dossier eval' names the model too)
schema ` + fmt.Sprint(store.SchemaVersion) + `
`)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &usageError{c, err} })
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	def := os.Getenv("DOSSIER_DB")
	if def == "" {
		def = "dossier.db"
	}
	root.PersistentFlags().StringVar(&g.db, "db", def, "SQLite database file; $DOSSIER_DB sets the default")
	root.AddCommand(
		newRunCmd(g),
		newEntitiesCmd(g),
		newRelationsCmd(g),
		newSearchCmd(g),
		newShowCmd(g),
		newTimelineCmd(g),
		newDocumentsCmd(g),
		newStatsCmd(g),
		newCheckCmd(g),
		newExportCmd(g),
		newGraphCmd(g),
		newServeCmd(g),
		newEvalCmd(g),
		newTrainCmd(g),
		newWorkerCmd(g),
	)
	for _, c := range root.Commands() {
		if c.Args != nil {
			c.Args = usageArgs(c.Args)
		}
	}
	return root
}

// programVersion is version, or the module version the build recorded.
func programVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// usageError is a wrong argument or flag value: run prints it with the
// command's usage line.
type usageError struct {
	cmd *cobra.Command
	err error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usageErrorf returns a usageError for cmd.
func usageErrorf(cmd *cobra.Command, format string, args ...any) error {
	return &usageError{cmd, fmt.Errorf(format, args...)}
}

// usageArgs makes an argument check's errors usage errors.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &usageError{cmd, err}
		}
		return nil
	}
}

// filterError makes an invalid filter value a usage error.
func filterError(cmd *cobra.Command, err error) error {
	if errors.Is(err, store.ErrInvalidFilter) {
		return &usageError{cmd, err}
	}
	return err
}

// checkLimit rejects a negative --limit.
func checkLimit(cmd *cobra.Command, limit int) error {
	if limit < 0 {
		return usageErrorf(cmd, "--limit must be 0 (all) or more, got %d", limit)
	}
	return nil
}

// moreLine tells, on stderr, how many rows a --limit left out.
func moreLine(g *globalOptions, shown, total int) {
	if total > shown {
		fmt.Fprintf(g.stderr, "… %d more (%d in all; --limit 0 for all)\n", total-shown, total)
	}
}
